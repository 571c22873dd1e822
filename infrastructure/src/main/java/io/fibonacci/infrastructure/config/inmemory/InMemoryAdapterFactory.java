package io.fibonacci.infrastructure.config.inmemory;

import io.fibonacci.application.port.out.EncodedDigitsCache;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.composite.PlanRateLimiter;
import io.fibonacci.infrastructure.config.RedisConfigured;
import io.fibonacci.infrastructure.config.cache.CacheProperties;
import io.fibonacci.infrastructure.config.core.CoreFactory;
import io.fibonacci.infrastructure.config.ratelimit.PlanCatalog;
import io.fibonacci.infrastructure.config.ratelimit.RateLimitProperties;
import io.fibonacci.infrastructure.inmemory.ByteBudget;
import io.fibonacci.infrastructure.inmemory.CaffeineEncodedDigitsCache;
import io.fibonacci.infrastructure.inmemory.CaffeineFibonacciCache;
import io.fibonacci.infrastructure.inmemory.InMemoryRateLimiter;
import io.fibonacci.infrastructure.inmemory.UnlimitedRateLimiter;
import io.fibonacci.infrastructure.observability.ObservedFibonacciCache;
import io.fibonacci.infrastructure.observability.ObservedRateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The embedded adapters: the default when no Redis is configured.
 *
 * <p>The in-memory limiter and cache are conditional on the absence of Redis ({@link
 * RedisConfigured.Absent}: neither {@code REDIS_URI} nor {@code REDIS_CLUSTER_URIS}, empty counts
 * as absent); {@link io.fibonacci.infrastructure.config.redis.RedisAdapterFactory} declares its
 * beans on its presence, so exactly one of each port is ever defined. The clock, the validated
 * policy and the unlimited limiter do not depend on the store.
 */
@Factory
public class InMemoryAdapterFactory {

  /** The tier name of this cache in metrics. */
  public static final String LOCAL_TIER = "local";

  /** Time for every limit; a test replaces this bean to move time by hand. */
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The limits, built when the application starts (eager): binding the settings checks them, so a
   * bad setting stops the start with a message naming it instead of failing the first request.
   */
  @Context
  @Requires(property = "rate-limit.enabled", notEquals = "false")
  RateLimitPolicy rateLimitPolicy(RateLimitProperties properties) {
    return properties.toPolicy();
  }

  @Singleton
  @Requires(property = "rate-limit.enabled", notEquals = "false")
  @Requires(condition = RedisConfigured.Absent.class)
  RateLimiter inMemoryRateLimiter(
      RateLimitPolicy policy,
      RateLimitProperties properties,
      PlanCatalog plans,
      Clock clock,
      MeterRegistry registry,
      Optional<OpenTelemetry> tracing) {
    return new ObservedRateLimiter(
        perPlan(policy, plans, p -> new InMemoryRateLimiter(p, properties.maxClients(), clock)),
        registry,
        CoreFactory.tracer(tracing),
        plans.names());
  }

  /** One limiter per plan, and one for anonymous clients, each built by {@code limiter}. */
  public static RateLimiter perPlan(
      RateLimitPolicy anonymous,
      PlanCatalog plans,
      Function<RateLimitPolicy, RateLimiter> limiter) {
    Map<String, RateLimiter> byPlan = new HashMap<>();
    plans
        .plans()
        .forEach(
            (name, quota) ->
                byPlan.put(name, limiter.apply(Objects.requireNonNull(quota.policy(), name))));
    return new PlanRateLimiter(limiter.apply(anonymous), byPlan);
  }

  @Singleton
  @Requires(property = "rate-limit.enabled", value = "false")
  RateLimiter unlimitedRateLimiter(MeterRegistry registry) {
    return new ObservedRateLimiter(new UnlimitedRateLimiter(), registry, null);
  }

  /**
   * The in-process store of values and their encoded forms, in one byte budget: the local cache
   * tier in either mode, and the encoded-forms cache (which stays local in Redis mode too).
   */
  @Singleton
  ByteBudget localByteBudget(CacheProperties.Local local) {
    return new ByteBudget(local.maxBytes());
  }

  @Singleton
  EncodedDigitsCache encodedDigitsCache(ByteBudget budget) {
    return new CaffeineEncodedDigitsCache(budget);
  }

  @Singleton
  @Requires(condition = RedisConfigured.Absent.class)
  FibonacciCache localFibonacciCache(
      ByteBudget budget, MeterRegistry registry, Optional<OpenTelemetry> tracing) {
    return localTier(budget, registry, tracing);
  }

  /** The in-process tier, observed; also the first tier when Redis is configured. */
  public static FibonacciCache localTier(
      ByteBudget budget, MeterRegistry registry, Optional<OpenTelemetry> tracing) {
    return new ObservedFibonacciCache(
        new CaffeineFibonacciCache(budget), LOCAL_TIER, registry, CoreFactory.tracer(tracing));
  }
}
