package io.fibonacci.infrastructure.config;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * True when {@code redis.uri} (env {@code REDIS_URI}) holds a URI. An empty or blank value counts
 * as unset, so {@code REDIS_URI=} keeps the embedded adapters (a plain {@code @Requires(property)}
 * would treat it as set).
 */
public final class RedisConfigured implements Condition {

  public static final String URI_PROPERTY = "redis.uri";

  @Override
  public boolean matches(ConditionContext context) {
    return isConfigured(context);
  }

  static boolean isConfigured(ConditionContext context) {
    return context
        .getProperty(URI_PROPERTY, String.class)
        .filter(uri -> !uri.isBlank())
        .isPresent();
  }

  /** The opposite: no Redis, the embedded adapters serve. */
  public static final class Absent implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
      return !isConfigured(context);
    }
  }
}
