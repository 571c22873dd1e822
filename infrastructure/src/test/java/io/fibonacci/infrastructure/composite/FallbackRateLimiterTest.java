package io.fibonacci.infrastructure.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.infrastructure.inmemory.InMemoryRateLimiter;
import io.fibonacci.infrastructure.testing.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FallbackRateLimiterTest {

  private static final RateLimitPolicy POLICY = RateLimitPolicy.of(3, 1, 0, 0, 0);
  private static final ClientKey ALICE = ClientKey.of("alice");

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final FakeStore primary = new FakeStore();
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(FallbackRateLimiter.class);
  private CircuitBreaker breaker;
  private FallbackRateLimiter limiter;

  @BeforeEach
  void wireALimiterWhoseBreakerOpensAfterFourFailures() {
    log.start();
    logger.addAppender(log);
    breaker =
        CircuitBreaker.of(
            "test",
            CircuitBreakerConfig.custom()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
    limiter =
        new FallbackRateLimiter(
            primary, new InMemoryRateLimiter(POLICY, 100, clock), breaker, registry);
  }

  @AfterEach
  void detachTheLog() {
    logger.detachAppender(log);
  }

  @Test
  void usesThePrimaryWhileItAnswers() {
    RateLimitDecision decision = acquire();

    assertThat(decision).isSameAs(FakeStore.ANSWER);
    assertThat(primary.calls).hasValue(1);
    assertThat(fallbackActive()).isZero();
  }

  @Test
  void answersFromTheFallbackWhenThePrimaryFails() {
    primary.failing.set(true);

    RateLimitDecision decision = acquire();

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.quotas().get(0).remaining()).isEqualTo(2);
  }

  @Test
  void stopsCallingTheFailingPrimaryOnceTheBreakerOpensAndSaysSoOnce() {
    primary.failing.set(true);

    List<RateLimitDecision> decisions =
        List.of(acquire(), acquire(), acquire(), acquire(), acquire(), acquire());

    assertThat(primary.calls).hasValue(4);
    assertThat(decisions.subList(0, 3)).allMatch(RateLimitDecision::allowed);
    assertThat(decisions.get(3).allowed()).isFalse();
    assertThat(fallbackActive()).isOne();
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement()
        .asString()
        .contains("fall back", "CLOSED to OPEN");
  }

  @Test
  void returnsToThePrimaryByItselfWhenItRecovers() {
    primary.failing.set(true);
    for (int i = 0; i < 4; i++) {
      acquire();
    }

    primary.failing.set(false);
    clock.advanceSeconds(6);
    RateLimitDecision probe = acquire();
    RateLimitDecision next = acquire();

    assertThat(probe).isSameAs(FakeStore.ANSWER);
    assertThat(next).isSameAs(FakeStore.ANSWER);
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(fallbackActive()).isZero();
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .hasSize(3)
        .last()
        .asString()
        .contains("shared again");
  }

  @Test
  void rejectsAnInvalidCostWithoutCountingItAsAnOutage() {
    assertThatThrownBy(() -> limiter.tryAcquire(ALICE, 0))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void refusesAFallbackThatEnforcesADifferentCapacity() {
    RateLimiter other = new InMemoryRateLimiter(RateLimitPolicy.of(7, 1, 0, 0, 0), 10, clock);

    assertThatThrownBy(() -> new FallbackRateLimiter(primary, other, breaker, registry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 and 7");
  }

  private RateLimitDecision acquire() {
    return limiter.tryAcquire(ALICE, 1).toCompletableFuture().join();
  }

  private double fallbackActive() {
    return registry.get(FallbackRateLimiter.FALLBACK_ACTIVE).gauge().value();
  }

  /** A shared store that answers with one fixed decision, or fails like an unreachable Redis. */
  private static final class FakeStore implements RateLimiter {

    static final RateLimitDecision ANSWER =
        RateLimitDecision.allow(List.of(new QuotaUsage("bucket", 3, 3, 3, 0)));

    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
      if (cost < 1) {
        throw new IllegalArgumentException("a request costs at least 1 token, got " + cost);
      }
      calls.incrementAndGet();
      return failing.get()
          ? CompletableFuture.failedFuture(new IllegalStateException("connection refused"))
          : CompletableFuture.completedFuture(ANSWER);
    }

    @Override
    public long maxCost() {
      return 3;
    }
  }
}
