package io.fibonacci.infrastructure.config.redis;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.composite.FallbackRateLimiter;
import io.fibonacci.infrastructure.composite.TieredFibonacciCache;
import io.fibonacci.infrastructure.config.RedisConfigured;
import io.fibonacci.infrastructure.config.cache.CacheProperties;
import io.fibonacci.infrastructure.config.core.CoreFactory;
import io.fibonacci.infrastructure.config.inmemory.InMemoryAdapterFactory;
import io.fibonacci.infrastructure.config.ratelimit.RateLimitProperties;
import io.fibonacci.infrastructure.inmemory.ByteBudget;
import io.fibonacci.infrastructure.inmemory.InMemoryRateLimiter;
import io.fibonacci.infrastructure.metrics.MeteredFibonacciCache;
import io.fibonacci.infrastructure.metrics.MeteredRateLimiter;
import io.fibonacci.infrastructure.redis.RedisFibonacciCache;
import io.fibonacci.infrastructure.redis.RedisLink;
import io.fibonacci.infrastructure.redis.RedisRateLimiter;
import io.fibonacci.infrastructure.redis.RedisReadinessIndicator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed adapters, selected when {@code redis.uri} (env {@code REDIS_URI}) is set: a
 * two-tier cache (in-process, then Redis) and the Redis rate limiter, which falls back to the
 * in-memory limiter while Redis fails. Each uses its own connection, so that a large cached value
 * in transit never delays a rate-limit check.
 */
@Factory
@Requires(condition = RedisConfigured.class)
public class RedisAdapterFactory {

  /** The tier name of the Redis cache in metrics. */
  public static final String REDIS_TIER = "redis";

  /** The gauge {@code fibonacci_cache_redis_skipped}. */
  static final String CACHE_SKIPPED = "fibonacci.cache.redis.skipped";

  private static final Logger LOG = LoggerFactory.getLogger(RedisAdapterFactory.class);
  private static final String RATE_LIMIT = "rate-limit";
  private static final String CACHE = "cache";

  @Singleton
  @Named(RATE_LIMIT)
  @Bean(preDestroy = "close")
  RedisLink rateLimitLink(
      BeanLocator beans,
      @Property(name = RedisConfigured.URI_PROPERTY) String uri,
      RedisProperties redis) {
    return RedisLink.create(beans, uri, redis.getCommandTimeout(), redis.getConnectTimeout());
  }

  @Singleton
  @Named(CACHE)
  @Bean(preDestroy = "close")
  RedisLink cacheLink(
      BeanLocator beans,
      @Property(name = RedisConfigured.URI_PROPERTY) String uri,
      RedisProperties redis) {
    return RedisLink.create(beans, uri, redis.getCommandTimeout(), redis.getConnectTimeout());
  }

  @Singleton
  @Requires(property = "rate-limit.enabled", notEquals = "false")
  RateLimiter redisRateLimiter(
      RateLimitPolicy policy,
      RateLimitProperties properties,
      Clock clock,
      @Named(RATE_LIMIT) RedisLink link,
      RedisProperties redis,
      MeterRegistry registry,
      Optional<OpenTelemetry> tracing) {
    RateLimiter shared = RedisRateLimiter.withServerTime(link, policy, RedisRateLimiter.KEY_PREFIX);
    RateLimiter perInstance = new InMemoryRateLimiter(policy, properties.getMaxClients(), clock);
    CircuitBreaker breaker = breaker("redis-rate-limit", redis.getBreaker());
    return CoreFactory.traced(
        new MeteredRateLimiter(
            new FallbackRateLimiter(shared, perInstance, breaker, registry), registry),
        tracing);
  }

  @Singleton
  FibonacciCache tieredFibonacciCache(
      CacheProperties properties,
      ByteBudget local,
      @Named(CACHE) RedisLink link,
      RedisProperties redis,
      MeterRegistry registry,
      Optional<OpenTelemetry> tracing) {
    CacheProperties.Redis settings = properties.getRedis();
    if (settings.getMinN() < 0) {
      throw new IllegalArgumentException(
          "Invalid configuration: fibonacci.cache.redis.min-n must be 0 or more, got "
              + settings.getMinN());
    }
    if (settings.getTtl() == null || settings.getTtl().toMillis() < 1) {
      throw new IllegalArgumentException(
          "Invalid configuration: fibonacci.cache.redis.ttl must be at least 1ms, got "
              + settings.getTtl());
    }
    if (settings.getMaxValueBytes() < 1) {
      throw new IllegalArgumentException(
          "Invalid configuration: fibonacci.cache.redis.max-value-bytes must be at least 1, got "
              + settings.getMaxValueBytes());
    }
    CircuitBreaker breaker = breaker("redis-cache", redis.getBreaker());
    Gauge.builder(CACHE_SKIPPED, breaker, b -> FallbackRateLimiter.isBypassing(b) ? 1 : 0)
        .description("1 while the Redis cache tier is skipped because Redis fails")
        .register(registry);
    breaker
        .getEventPublisher()
        .onStateTransition(
            event ->
                LOG.warn(
                    "Redis cache tier circuit breaker: {} ({})",
                    event.getStateTransition(),
                    switch (event.getStateTransition().getToState()) {
                      case CLOSED -> "Redis is used again";
                      case HALF_OPEN -> "probing Redis";
                      default -> "Redis is skipped, values are computed";
                    }));
    FibonacciCache remote =
        new RedisFibonacciCache(
            link,
            RedisFibonacciCache.KEY_PREFIX,
            settings.getTtl(),
            settings.getMaxValueBytes(),
            breaker);
    return new TieredFibonacciCache(
        InMemoryAdapterFactory.localTier(local, registry, tracing),
        CoreFactory.traced(
            new MeteredFibonacciCache(remote, REDIS_TIER, registry), REDIS_TIER, tracing),
        settings.getMinN());
  }

  /** Readiness with a Redis detail; always UP, since the service degrades instead of failing. */
  @Singleton
  @Readiness
  HealthIndicator redisReadinessIndicator(@Named(CACHE) RedisLink link) {
    return new RedisReadinessIndicator(link);
  }

  static CircuitBreaker breaker(String name, RedisProperties.Breaker settings) {
    try {
      return CircuitBreaker.of(
          name,
          CircuitBreakerConfig.custom()
              .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
              .slidingWindowSize(settings.getWindowSize())
              .minimumNumberOfCalls(settings.getMinimumCalls())
              .failureRateThreshold(settings.getFailureRate())
              .slowCallRateThreshold(settings.getSlowCallRate())
              .slowCallDurationThreshold(settings.getSlowCall())
              .waitDurationInOpenState(settings.getOpenFor())
              .permittedNumberOfCallsInHalfOpenState(settings.getHalfOpenCalls())
              .build());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid configuration: fibonacci.redis.breaker.*: " + e.getMessage(), e);
    }
  }
}
