package io.fibonacci.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.in.FibonacciResult;
import io.fibonacci.application.port.in.GetFibonacciQuery;
import io.fibonacci.application.port.in.RateLimitExceededException;
import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.in.RequestTooCostlyException;
import io.fibonacci.application.port.in.ServerOverloadedException;
import io.fibonacci.application.port.out.DigitsEncoder;
import io.fibonacci.application.port.out.EncodedDigitsCache;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.calculator.IterativeFibonacciCalculator;
import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.InvalidPositionException;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.PositionLimit;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.shared.ContentCoding;
import io.fibonacci.shared.Fact;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GetFibonacciServiceTest {

  private static final String CLIENT = "192.0.2.1";
  private static final List<QuotaUsage> QUOTAS = List.of(new QuotaUsage("bucket", 100, 10, 99, 1));
  private static final RateLimitStatus STATUS =
      new RateLimitStatus(List.of(new RateLimitStatus.Quota("bucket", 100, 10, 99, 1)));

  private final CountingCalculator calculator = new CountingCalculator();
  private final MapCache cache = new MapCache();
  private final RecordingLimiter limiter = new RecordingLimiter(100, QUOTAS);
  private final RecordingScheduler scheduler = new RecordingScheduler();
  private final MapEncodedCache encodedCache = new MapEncodedCache();
  private final RecordingEncoder encoder = new RecordingEncoder();

  private GetFibonacciService service() {
    return new GetFibonacciService(
        PositionLimit.of(1_000_000),
        new RequestCostPolicy(1_000),
        limiter,
        cache,
        new ScheduledCalculator(scheduler, calculator),
        new ContentEncodingPolicy(encodedCache, encoder, 100));
  }

  private static FibonacciResult await(CompletionStage<FibonacciResult> stage) {
    return stage.toCompletableFuture().join();
  }

  private static String digits(FibonacciResult result) {
    var buffer = result.digits();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  @Test
  void addsTheEncodedFormTheClientPrefersToALargeValue() {
    var service = service();

    var result = await(service.get(new GetFibonacciQuery("500", CLIENT, ContentCoding.GZIP)));

    assertThat(result.encodedForm()).isPresent();
    assertThat(result.encoded().coding()).isEqualTo(ContentCoding.GZIP);
    assertThat(result.encoded().digitCount()).isEqualTo(result.digitCount());
    assertThat(encoder.encoded).containsExactly(500);
  }

  @Test
  void encodesAValueOnceForEveryRequestThatPrefersTheCoding() {
    var service = service();

    for (int i = 0; i < 5; i++) {
      await(service.get(new GetFibonacciQuery("500", CLIENT, ContentCoding.GZIP)));
    }

    assertThat(encoder.encoded).containsExactly(500);
  }

  @Test
  void addsNoEncodedFormToASmallValueOrForIdentity() {
    var service = service();

    var small = await(service.get(new GetFibonacciQuery("10", CLIENT, ContentCoding.GZIP)));
    var identity = await(service.get(new GetFibonacciQuery("500", CLIENT)));

    assertThat(small.encodedForm()).isEmpty();
    assertThat(identity.encodedForm()).isEmpty();
    assertThat(encoder.encoded).isEmpty();
  }

  @Test
  void servesTheDigitsWhenTheEncoderFails() {
    encoder.failing = true;
    var service = service();

    var result = await(service.get(new GetFibonacciQuery("500", CLIENT, ContentCoding.GZIP)));

    assertThat(result.encodedForm()).isEmpty();
    assertThat(digits(result))
        .isEqualTo(new IterativeFibonacciCalculator().compute(Position.of(500)).decimal());
  }

  @Test
  void returnsTheValueWithItsCostAndQuotas() {
    var service = service();

    var result = await(service.get(new GetFibonacciQuery("10", CLIENT)));

    assertThat(digits(result)).isEqualTo("55");
    assertThat(result.digitCount()).isEqualTo(2);
    assertThat(result.position()).isEqualTo(10);
    assertThat(result.cost()).isEqualTo(1);
    assertThat(result.rateLimit()).isEqualTo(STATUS);
    assertThat(limiter.charges).containsExactly(1L);
  }

  @Test
  void chargesTheCostOfThePosition() {
    var service = service();

    var result = await(service.get(new GetFibonacciQuery("2500", CLIENT)));

    assertThat(result.cost()).isEqualTo(3);
    assertThat(limiter.charges).containsExactly(3L);
  }

  @Test
  void rejectsAnInvalidPositionWithoutChargingTheClient() {
    var service = service();

    var stage = service.get(new GetFibonacciQuery("1e3", CLIENT));

    assertThatThrownBy(() -> await(stage))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            InvalidPositionException.class,
            rejection -> assertThat(rejection.number(Fact.MAXIMUM)).isEqualTo(1_000_000));
    assertThat(limiter.charges).isEmpty();
  }

  @Test
  void rejectsARequestCostlierThanTheBucketAsTooCostlyNamingTheLargestAffordablePosition() {
    var service = service();

    var stage = service.get(new GetFibonacciQuery("100000", CLIENT));

    assertThatThrownBy(() -> await(stage))
        .cause()
        .isInstanceOfSatisfying(
            RequestTooCostlyException.class,
            rejection ->
                assertThat(rejection.facts())
                    .containsEntry(Fact.POSITION, 100_000L)
                    .containsEntry(Fact.COST, 101L)
                    .containsEntry(Fact.CAPACITY, 100L)
                    .containsEntry(Fact.MAXIMUM, 99_999L));
    assertThat(limiter.charges).isEmpty();
  }

  @Test
  void refusesPastTheLimitWithoutWrappingTheRefusalOrRecordingAStackTrace() {
    limiter.allow = false;

    var refused = service().get(new GetFibonacciQuery("10", CLIENT)).toCompletableFuture();

    // What a client hammering past its limit costs: no CompletionException, no stack trace.
    assertThat(refused.exceptionNow())
        .isInstanceOf(RateLimitExceededException.class)
        .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
  }

  @Test
  void reportsARateLimitRejectionWithItsRetryAfter() {
    limiter.allow = false;
    var service = service();

    var stage = service.get(new GetFibonacciQuery("10", CLIENT));

    assertThatThrownBy(() -> await(stage))
        .cause()
        .isInstanceOfSatisfying(
            RateLimitExceededException.class,
            e -> {
              assertThat(e.retryAfterSeconds()).hasValue(7);
              assertThat(e.status()).isEqualTo(STATUS);
            });
    assertThat(calculator.calls).hasValue(0);
  }

  @Test
  void servesACachedValueWithoutRecomputing() {
    var service = service();

    await(service.get(new GetFibonacciQuery("90", CLIENT)));
    var again = await(service.get(new GetFibonacciQuery("90", CLIENT)));

    assertThat(digits(again)).isEqualTo("2880067194370816120");
    assertThat(calculator.calls).hasValue(1);
  }

  @Test
  void computesEveryMissWhereTheSchedulerSays() {
    var service = service();

    await(service.get(new GetFibonacciQuery("100", CLIENT)));
    await(service.get(new GetFibonacciQuery("101", CLIENT)));
    await(service.get(new GetFibonacciQuery("101", CLIENT)));

    assertThat(scheduler.scheduled).containsExactly(100, 101);
    assertThat(calculator.calls).hasValue(2);
  }

  @Test
  void shedsALargeComputationWhenTheHeavyExecutorIsFull() {
    scheduler.saturated = true;
    var service = service();

    var stage = service.get(new GetFibonacciQuery("5000", CLIENT));

    assertThatThrownBy(() -> await(stage))
        .cause()
        .isInstanceOfSatisfying(
            ServerOverloadedException.class, e -> assertThat(e.retryAfterSeconds()).hasValue(2));
    assertThat(cache.values).isEmpty();
  }

  private static final class CountingCalculator implements FibonacciCalculator {
    final AtomicInteger calls = new AtomicInteger();

    final FibonacciCalculator reference = new IterativeFibonacciCalculator();

    @Override
    public FibonacciNumber compute(Position position) {
      calls.incrementAndGet();
      return reference.compute(position);
    }
  }

  private static final class MapCache implements FibonacciCache {
    final Map<Position, FibonacciNumber> values = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<FibonacciNumber> get(
        Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
      FibonacciNumber cached = values.get(position);
      if (cached != null) {
        return CompletableFuture.completedFuture(cached);
      }
      return loader.apply(position).thenApply(value -> storeAndReturn(position, value));
    }

    private FibonacciNumber storeAndReturn(Position position, FibonacciNumber value) {
      values.put(position, value);
      return value;
    }
  }

  private static final class MapEncodedCache implements EncodedDigitsCache {
    private final Map<String, CompletableFuture<EncodedDigits>> forms = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<EncodedDigits> get(
        Position position,
        ContentCoding coding,
        Supplier<CompletableFuture<EncodedDigits>> encoder) {
      String key = position.value() + "/" + coding;
      CompletableFuture<EncodedDigits> form = forms.computeIfAbsent(key, k -> encoder.get());
      form.whenComplete(
          (ok, failure) -> {
            if (failure != null) {
              forms.remove(key);
            }
          });
      return form;
    }
  }

  /** Records which positions it encoded; the encoded body is the digits themselves. */
  private static final class RecordingEncoder implements DigitsEncoder {
    final List<Integer> encoded = new ArrayList<>();
    boolean failing;

    @Override
    public CompletableFuture<EncodedDigits> encode(FibonacciNumber number, ContentCoding coding) {
      if (failing) {
        return CompletableFuture.failedFuture(new RejectedExecutionException("saturated"));
      }
      encoded.add(number.position().value());
      return CompletableFuture.completedFuture(
          new EncodedDigits(coding, number.digits(), number.digitCount(), 0));
    }
  }
}
