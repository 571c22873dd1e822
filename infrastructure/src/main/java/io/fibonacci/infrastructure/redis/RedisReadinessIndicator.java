package io.fibonacci.infrastructure.redis;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/**
 * Reports Redis on the readiness probe without ever failing it: the service answers every request
 * while Redis is down (the cache tier is skipped, rate limits fall back to each instance), so
 * taking the instances out of rotation would turn a degradation into an outage. The result is
 * always UP, with the detail {@code redis} = {@code up} or {@code degraded} (and the error) for
 * operators.
 */
public final class RedisReadinessIndicator implements HealthIndicator {

  static final String NAME = "redis";

  private final RedisLink link;
  private final RedisWarmUp warmUp;

  public RedisReadinessIndicator(RedisLink link, RedisWarmUp warmUp) {
    this.link = Objects.requireNonNull(link, "link");
    this.warmUp = Objects.requireNonNull(warmUp, "warmUp");
  }

  @Override
  public Publisher<HealthResult> getResult() {
    if (!warmUp.isWarm()) {
      // Not ready until the first Redis calls are behind us: see RedisWarmUp.
      return Publishers.just(
          HealthResult.builder(NAME, HealthStatus.DOWN)
              .details(Map.of(NAME, "warming up"))
              .build());
    }
    CompletableFuture<HealthResult> result =
        link.commands()
            .thenCompose(commands -> commands.ping().toCompletableFuture())
            .handle(
                (pong, failure) ->
                    failure == null ? result(Map.of(NAME, "up")) : result(degraded(failure)));
    return Publishers.fromCompletableFuture(result);
  }

  private static Map<String, Object> degraded(Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(NAME, "degraded");
    details.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
    details.put("impact", "shared cache skipped; rate limits enforced per instance");
    return details;
  }

  private static HealthResult result(Map<String, Object> details) {
    return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
  }
}
