package io.fibonacci.infrastructure.config.redis;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.composite.FallbackRateLimiter;
import io.fibonacci.infrastructure.composite.TieredFibonacciCache;
import io.fibonacci.infrastructure.config.RedisConfigured;
import io.fibonacci.infrastructure.config.cache.CacheProperties;
import io.fibonacci.infrastructure.config.core.CoreFactory;
import io.fibonacci.infrastructure.config.inmemory.InMemoryAdapterFactory;
import io.fibonacci.infrastructure.config.ratelimit.PlanCatalog;
import io.fibonacci.infrastructure.config.ratelimit.RateLimitProperties;
import io.fibonacci.infrastructure.inmemory.ByteBudget;
import io.fibonacci.infrastructure.inmemory.InMemoryRateLimiter;
import io.fibonacci.infrastructure.observability.ObservedFibonacciCache;
import io.fibonacci.infrastructure.observability.ObservedRateLimiter;
import io.fibonacci.infrastructure.redis.RedisFibonacciCache;
import io.fibonacci.infrastructure.redis.RedisLink;
import io.fibonacci.infrastructure.redis.RedisLinks;
import io.fibonacci.infrastructure.redis.RedisRateLimiter;
import io.fibonacci.infrastructure.redis.RedisReadinessIndicator;
import io.fibonacci.infrastructure.redis.RedisWarmUp;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed adapters, selected when Redis is configured ({@link RedisConfigured}: {@code
 * REDIS_URI} or {@code REDIS_CLUSTER_URIS}): a two-tier cache (in-process, then Redis) and the
 * Redis rate limiter, which falls back to the in-memory limiter while Redis fails. Each uses its
 * own connection, so that a large cached value in transit never delays a rate-limit check.
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
  private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(10);

  /** 32 keys miss one of 3 masters with a probability of 3 x (2/3)^32, about 7 in a million. */
  private static final int WARM_UP_KEYS = 32;

  @Singleton
  @Named(RATE_LIMIT)
  @Bean(preDestroy = "close")
  RedisLink rateLimitLink(RedisLinks links, RedisProperties redis) {
    return links.open(redis.commandTimeout());
  }

  @Singleton
  @Named(CACHE)
  @Bean(preDestroy = "close")
  RedisLink cacheLink(RedisLinks links, RedisProperties redis) {
    return links.open(redis.commandTimeout());
  }

  @Singleton
  @Requires(property = "rate-limit.enabled", notEquals = "false")
  RateLimiter redisRateLimiter(
      RateLimitPolicy policy,
      RateLimitProperties properties,
      PlanCatalog plans,
      Clock clock,
      @Named(RATE_LIMIT) RedisLink link,
      RedisProperties redis,
      MeterRegistry registry,
      Optional<OpenTelemetry> tracing) {
    RateLimiter shared =
        InMemoryAdapterFactory.perPlan(
            policy,
            plans,
            p -> RedisRateLimiter.withServerTime(link, p, RedisRateLimiter.KEY_PREFIX));
    RateLimiter perInstance =
        InMemoryAdapterFactory.perPlan(
            policy, plans, p -> new InMemoryRateLimiter(p, properties.maxClients(), clock));
    CircuitBreaker breaker = breaker("redis-rate-limit", redis.breaker());
    return new ObservedRateLimiter(
        new FallbackRateLimiter(shared, perInstance, breaker, registry),
        registry,
        CoreFactory.tracer(tracing),
        plans.names());
  }

  /** In-process first, then Redis (from {@code fibonacci.cache.redis.min-n} on), then compute. */
  @Singleton
  FibonacciCache tieredFibonacciCache(
      CacheProperties.Redis settings,
      ByteBudget local,
      @Named(CACHE) RedisLink link,
      RedisProperties redis,
      MeterRegistry registry,
      Optional<OpenTelemetry> tracing) {
    return new TieredFibonacciCache(
        InMemoryAdapterFactory.localTier(local, registry, tracing),
        redisTier(settings, link, cacheBreaker(redis.breaker(), registry), registry, tracing),
        settings.minN());
  }

  /** The Redis tier, skipped while its breaker is open, metered, and traced when tracing is on. */
  private static FibonacciCache redisTier(
      CacheProperties.Redis settings,
      RedisLink link,
      CircuitBreaker breaker,
      MeterRegistry registry,
      Optional<OpenTelemetry> tracing) {
    FibonacciCache remote =
        new RedisFibonacciCache(
            link,
            RedisFibonacciCache.KEY_PREFIX,
            settings.ttl(),
            settings.maxValueBytes(),
            breaker);
    return new ObservedFibonacciCache(remote, REDIS_TIER, registry, CoreFactory.tracer(tracing));
  }

  /** The cache tier's breaker, reported by {@code fibonacci_cache_redis_skipped} and in the log. */
  private static CircuitBreaker cacheBreaker(
      RedisProperties.Breaker settings, MeterRegistry registry) {
    CircuitBreaker breaker = breaker("redis-cache", settings);
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
    return breaker;
  }

  /**
   * Readiness with a Redis detail: DOWN only while the first Redis calls are made (at most 10 s),
   * then always UP, since the service degrades instead of failing.
   */
  @Singleton
  @Readiness
  HealthIndicator redisReadinessIndicator(@Named(CACHE) RedisLink link, RedisWarmUp warmUp) {
    return new RedisReadinessIndicator(link, warmUp);
  }

  /**
   * The first Redis calls, made at start before readiness turns UP: {@code
   * fibonacci.redis.warm-up-rounds} rate-limit checks (on keys no client has) and as many cache
   * reads of absent keys, on the links requests use. The keys take turns among {@value
   * #WARM_UP_KEYS}, whose slots fall on every master of a Redis Cluster: each master's connection
   * is opened and warmed too, not only the first one's.
   */
  @Context
  RedisWarmUp redisWarmUp(
      @Named(RATE_LIMIT) RedisLink rateLimitLink,
      @Named(CACHE) RedisLink cacheLink,
      Optional<RateLimitPolicy> policy,
      RedisProperties redis) {
    List<Supplier<? extends CompletionStage<?>>> calls = new ArrayList<>();
    policy.ifPresent(
        p -> {
          RateLimiter limiter =
              RedisRateLimiter.withServerTime(
                  rateLimitLink, p, RedisRateLimiter.KEY_PREFIX + "warm-up:");
          List<ClientKey> clients =
              IntStream.range(0, WARM_UP_KEYS).mapToObj(i -> ClientKey.of("warm-up-" + i)).toList();
          calls.add(RedisWarmUp.inTurn(clients, client -> limiter.tryAcquire(client, 1)));
        });
    calls.add(
        RedisWarmUp.readsOf(cacheLink, RedisFibonacciCache.KEY_PREFIX + "warm-up-", WARM_UP_KEYS));
    RedisWarmUp warmUp = new RedisWarmUp(calls, redis.warmUpRounds(), WARM_UP_LIMIT);
    warmUp.start();
    return warmUp;
  }

  static CircuitBreaker breaker(String name, RedisProperties.Breaker settings) {
    return CircuitBreaker.of(
        name,
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(settings.windowSize())
            .minimumNumberOfCalls(settings.minimumCalls())
            .failureRateThreshold(settings.failureRate())
            .slowCallRateThreshold(settings.slowCallRate())
            .slowCallDurationThreshold(settings.slowCall())
            .waitDurationInOpenState(settings.openFor())
            .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
            .build());
  }
}
