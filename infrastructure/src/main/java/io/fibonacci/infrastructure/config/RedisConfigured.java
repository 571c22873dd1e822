package io.fibonacci.infrastructure.config;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * True when {@code redis.uri} (env {@code REDIS_URI}) holds a URI or {@code redis.cluster-uris}
 * (env {@code REDIS_CLUSTER_URIS}) the seed nodes of a Redis Cluster. An empty or blank value
 * counts as unset, so {@code REDIS_URI=} keeps the embedded adapters (a plain
 * {@code @Requires(property)} would treat it as set).
 */
public final class RedisConfigured implements Condition {

  public static final String URI_PROPERTY = "redis.uri";
  public static final String CLUSTER_URIS_PROPERTY = "redis.cluster-uris";

  @Override
  public boolean matches(ConditionContext context) {
    return isConfigured(context);
  }

  static boolean isConfigured(ConditionContext context) {
    return set(context, URI_PROPERTY) || set(context, CLUSTER_URIS_PROPERTY);
  }

  private static boolean set(ConditionContext context, String property) {
    return context.getProperty(property, String.class).filter(uri -> !uri.isBlank()).isPresent();
  }

  /** The opposite: no Redis, the embedded adapters serve. */
  public static final class Absent implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
      return !isConfigured(context);
    }
  }
}
