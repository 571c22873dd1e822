package io.fibonacci.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.infrastructure.config.cache.CacheProperties;
import io.fibonacci.infrastructure.config.core.ComputeProperties;
import io.fibonacci.infrastructure.config.core.FibonacciProperties;
import io.fibonacci.infrastructure.config.core.HttpProperties;
import io.fibonacci.infrastructure.config.ratelimit.RateLimitProperties;
import io.fibonacci.infrastructure.config.redis.RedisProperties;
import io.fibonacci.infrastructure.observability.ObservedFibonacciCache;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every settings record as Micronaut binds it: the documented defaults when nothing is set, every
 * key when set (the nested groups included), and a refusal naming the key for each value out of
 * range.
 */
class PropertiesBindingTest {

  @Test
  void bindsTheDocumentedDefaultsWhenNothingIsSet() {
    try (ApplicationContext context = ApplicationContext.run()) {

      assertThat(context.getBean(FibonacciProperties.class))
          .isEqualTo(new FibonacciProperties(10_000_000));
      assertThat(context.getBean(ComputeProperties.class))
          .isEqualTo(new ComputeProperties(10_000, 0, 32));
      assertThat(context.getBean(HttpProperties.class)).isEqualTo(new HttpProperties(1024, 64));
      assertThat(context.getBean(CacheProperties.class)).isEqualTo(new CacheProperties(1000));
      assertThat(context.getBean(CacheProperties.Local.class))
          .isEqualTo(new CacheProperties.Local(128L * 1024 * 1024));
      assertThat(context.getBean(CacheProperties.Redis.class))
          .isEqualTo(new CacheProperties.Redis(10_000, Duration.ofHours(24), 4L * 1024 * 1024));
      assertThat(context.getBean(RateLimitProperties.class))
          .isEqualTo(
              new RateLimitProperties(
                  true,
                  100_000,
                  new RateLimitProperties.Bucket(1000, 100),
                  new RateLimitProperties.Windows(0, 0, 0)));
      assertThat(context.getBean(RedisProperties.class))
          .isEqualTo(
              new RedisProperties(
                  Duration.ofMillis(250),
                  Duration.ofMillis(500),
                  2000,
                  new RedisProperties.Breaker(
                      20, 10, 50, 80, Duration.ofMillis(150), Duration.ofSeconds(5), 3)));
    }
  }

  @Test
  void bindsEveryKeyTheNestedGroupsIncluded() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("fibonacci.max-n", "500");
    settings.put("fibonacci.compute.inline-max-n", "100");
    settings.put("fibonacci.compute.threads", "3");
    settings.put("fibonacci.compute.queue-capacity", "7");
    settings.put("fibonacci.http.compression-min-bytes", "2048");
    settings.put("fibonacci.http.encoder-queue-capacity", "8");
    settings.put("fibonacci.cache.warm-up-count", "9");
    settings.put("fibonacci.cache.local.max-bytes", "1048576");
    settings.put("fibonacci.cache.redis.min-n", "50");
    settings.put("fibonacci.cache.redis.ttl", "2m");
    settings.put("fibonacci.cache.redis.max-value-bytes", "4096");
    settings.put("rate-limit.max-clients", "12");
    settings.put("rate-limit.bucket.capacity", "40");
    settings.put("rate-limit.bucket.refill-per-second", "0.5");
    settings.put("rate-limit.windows.per-minute", "30");
    settings.put("rate-limit.windows.per-hour", "300");
    settings.put("rate-limit.windows.per-day", "3000");
    settings.put("fibonacci.redis.command-timeout", "1s");
    settings.put("fibonacci.redis.connect-timeout", "2s");
    settings.put("fibonacci.redis.warm-up-rounds", "40");
    settings.put("fibonacci.redis.breaker.window-size", "30");
    settings.put("fibonacci.redis.breaker.minimum-calls", "5");
    settings.put("fibonacci.redis.breaker.failure-rate", "25.5");
    settings.put("fibonacci.redis.breaker.slow-call-rate", "90");
    settings.put("fibonacci.redis.breaker.slow-call", "40ms");
    settings.put("fibonacci.redis.breaker.open-for", "1m");
    settings.put("fibonacci.redis.breaker.half-open-calls", "2");
    try (ApplicationContext context = run(settings)) {

      assertThat(context.getBean(FibonacciProperties.class))
          .isEqualTo(new FibonacciProperties(500));
      assertThat(context.getBean(ComputeProperties.class))
          .isEqualTo(new ComputeProperties(100, 3, 7));
      assertThat(context.getBean(HttpProperties.class)).isEqualTo(new HttpProperties(2048, 8));
      assertThat(context.getBean(CacheProperties.class)).isEqualTo(new CacheProperties(9));
      assertThat(context.getBean(CacheProperties.Local.class))
          .isEqualTo(new CacheProperties.Local(1_048_576));
      assertThat(context.getBean(CacheProperties.Redis.class))
          .isEqualTo(new CacheProperties.Redis(50, Duration.ofMinutes(2), 4096));
      assertThat(context.getBean(RateLimitProperties.class))
          .isEqualTo(
              new RateLimitProperties(
                  true,
                  12,
                  new RateLimitProperties.Bucket(40, 0.5),
                  new RateLimitProperties.Windows(30, 300, 3000)));
      assertThat(context.getBean(RedisProperties.class))
          .isEqualTo(
              new RedisProperties(
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(2),
                  40,
                  new RedisProperties.Breaker(
                      30, 5, 25.5f, 90, Duration.ofMillis(40), Duration.ofMinutes(1), 2)));
    }
  }

  static Stream<Arguments> valuesOutOfRange() {
    return Stream.of(
        refused(FibonacciProperties.class, "fibonacci.max-n", "-1", "0 or more, got -1"),
        refused(
            ComputeProperties.class, "fibonacci.compute.inline-max-n", "-1", "0 or more, got -1"),
        refused(ComputeProperties.class, "fibonacci.compute.threads", "-1", "0 or more, got -1"),
        refused(
            ComputeProperties.class, "fibonacci.compute.queue-capacity", "0", "1 or more, got 0"),
        refused(
            HttpProperties.class, "fibonacci.http.compression-min-bytes", "0", "at least 1, got 0"),
        refused(
            HttpProperties.class,
            "fibonacci.http.encoder-queue-capacity",
            "0",
            "at least 1, got 0"),
        refused(
            CacheProperties.class,
            "fibonacci.cache.warm-up-count",
            "-1",
            "0 (off) or more, got -1"),
        refused(
            CacheProperties.Local.class,
            "fibonacci.cache.local.max-bytes",
            "0",
            "at least 1, got 0"),
        refused(
            CacheProperties.Redis.class, "fibonacci.cache.redis.min-n", "-1", "0 or more, got -1"),
        refused(
            CacheProperties.Redis.class,
            "fibonacci.cache.redis.ttl",
            "0s",
            "at least 1ms, got PT0S"),
        refused(
            CacheProperties.Redis.class,
            "fibonacci.cache.redis.max-value-bytes",
            "0",
            "at least 1, got 0"),
        refused(RateLimitProperties.class, "rate-limit.max-clients", "0", "at least 1, got 0"),
        refused(
            RateLimitProperties.Bucket.class,
            "rate-limit.bucket.capacity",
            "0",
            "at least 1, got 0"),
        refused(
            RateLimitProperties.Bucket.class,
            "rate-limit.bucket.refill-per-second",
            "0",
            "greater than 0 and at most 1000000000, got 0.0"),
        refused(
            RateLimitProperties.Bucket.class,
            "rate-limit.bucket.refill-per-second",
            "2000000000",
            "greater than 0 and at most 1000000000, got 2.0E9"),
        refused(
            RateLimitProperties.Windows.class,
            "rate-limit.windows.per-minute",
            "-1",
            "0 (off) or more, got -1"),
        refused(
            RateLimitProperties.Windows.class,
            "rate-limit.windows.per-hour",
            "-1",
            "0 (off) or more, got -1"),
        refused(
            RateLimitProperties.Windows.class,
            "rate-limit.windows.per-day",
            "-1",
            "0 (off) or more, got -1"),
        refused(
            RedisProperties.class,
            "fibonacci.redis.command-timeout",
            "0s",
            "a positive duration, got PT0S"),
        refused(
            RedisProperties.class,
            "fibonacci.redis.connect-timeout",
            "-1s",
            "a positive duration, got PT-1S"),
        refused(RedisProperties.class, "fibonacci.redis.warm-up-rounds", "-1", "0 or more, got -1"),
        refused(
            RedisProperties.Breaker.class,
            "fibonacci.redis.breaker.window-size",
            "0",
            "at least 1, got 0"),
        refused(
            RedisProperties.Breaker.class,
            "fibonacci.redis.breaker.minimum-calls",
            "0",
            "at least 1, got 0"),
        refused(
            RedisProperties.Breaker.class,
            "fibonacci.redis.breaker.failure-rate",
            "0",
            "greater than 0 and at most 100, got 0.0"),
        refused(
            RedisProperties.Breaker.class,
            "fibonacci.redis.breaker.failure-rate",
            "101",
            "greater than 0 and at most 100, got 101.0"),
        refused(
            RedisProperties.Breaker.class,
            "fibonacci.redis.breaker.slow-call-rate",
            "0",
            "greater than 0 and at most 100, got 0.0"),
        refused(
            RedisProperties.Breaker.class,
            "fibonacci.redis.breaker.slow-call",
            "0s",
            "at least 1ns, got PT0S"),
        refused(
            RedisProperties.Breaker.class,
            "fibonacci.redis.breaker.open-for",
            "0s",
            "at least 1ms, got PT0S"),
        refused(
            RedisProperties.Breaker.class,
            "fibonacci.redis.breaker.half-open-calls",
            "0",
            "at least 1, got 0"));
  }

  @ParameterizedTest(name = "{1} = {2}")
  @MethodSource("valuesOutOfRange")
  void refusesAValueOutOfRangeNamingItsKey(
      Class<?> settings, String key, String value, String expected) {
    assertThatThrownBy(
            () -> {
              try (ApplicationContext context = run(Map.of(key, value))) {
                context.getBean(settings);
              }
            })
        .hasRootCauseInstanceOf(ConfigurationException.class)
        .hasStackTraceContaining("Invalid configuration: " + key + " must be " + expected);
  }

  @Test
  void refusesABucketTooLargeToRefillNamingTheGroup() {
    assertThatThrownBy(
            () ->
                run(Map.of(
                        "rate-limit.bucket.capacity", "1000000000000000000",
                        "rate-limit.bucket.refill-per-second", "1"))
                    .close())
        .hasStackTraceContaining("Invalid configuration: rate-limit.bucket.*: a bucket of")
        .hasStackTraceContaining("takes too long to fill");
  }

  @Test
  void leavesTheRedisSettingsUnreadWhenNoRedisIsConfigured() {
    try (ApplicationContext context =
        run(
            Map.of(
                "fibonacci.cache.redis.ttl", "0s",
                "fibonacci.redis.command-timeout", "0s",
                "fibonacci.redis.breaker.window-size", "0"))) {

      FibonacciCache cache = context.getBean(FibonacciCache.class);

      assertThat(cache).isInstanceOf(ObservedFibonacciCache.class);
    }
  }

  private static Arguments refused(Class<?> settings, String key, String value, String expected) {
    return arguments(settings, key, value, expected);
  }

  private static ApplicationContext run(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.putIfAbsent("fibonacci.cache.warm-up-count", "0");
    return ApplicationContext.run(all);
  }
}
