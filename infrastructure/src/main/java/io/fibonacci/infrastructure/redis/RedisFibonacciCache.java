package io.fibonacci.infrastructure.redis;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.shared.Nullable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.SetArgs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared cache tier: values in Redis under {@code fib:v1:<n>}, each stored once as its ASCII
 * decimal digits (no envelope, no JSON) with a time to live, and read back without re-encoding (the
 * bytes Redis returns become the value).
 *
 * <p>Redis may only make answers faster: a failed, slow or refused read is a miss, a failed write
 * is ignored, and a value larger than {@code maxValueBytes} is not stored. A circuit breaker skips
 * Redis altogether while it keeps failing (the loader answers at once instead of after a timeout),
 * and lets a few requests probe it again after a pause.
 *
 * <p>Concurrent requests for the same position on this instance share one lookup and one load.
 */
public final class RedisFibonacciCache implements FibonacciCache {

  /** The prefix of every key in production; {@code v1} changes with the stored format. */
  public static final String KEY_PREFIX = "fib:v1:";

  private static final Logger LOG = LoggerFactory.getLogger(RedisFibonacciCache.class);

  private final RedisLink link;
  private final String keyPrefix;
  private final long ttlMillis;
  private final long maxValueBytes;
  private final CircuitBreaker breaker;
  private final Map<Position, CompletableFuture<FibonacciNumber>> inFlight =
      new ConcurrentHashMap<>();

  /**
   * @param link the connection
   * @param keyPrefix prepended to the position, e.g. {@link #KEY_PREFIX}
   * @param ttl how long a stored value is kept
   * @param maxValueBytes the largest value stored, in digits
   * @param breaker guards every Redis command
   */
  public RedisFibonacciCache(
      RedisLink link, String keyPrefix, Duration ttl, long maxValueBytes, CircuitBreaker breaker) {
    this.link = Objects.requireNonNull(link, "link");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.ttlMillis = Objects.requireNonNull(ttl, "ttl").toMillis();
    if (ttlMillis < 1) {
      throw new IllegalArgumentException("values live at least 1 ms, got " + ttl);
    }
    if (maxValueBytes < 1) {
      throw new IllegalArgumentException("values of 1 byte fit, got " + maxValueBytes);
    }
    this.maxValueBytes = maxValueBytes;
    this.breaker = Objects.requireNonNull(breaker, "breaker");
  }

  @Override
  @SuppressWarnings("FutureReturnValueIgnored") // the continuation completes the flight's future
  public CompletableFuture<FibonacciNumber> get(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(loader, "loader");
    CompletableFuture<FibonacciNumber> mine = new CompletableFuture<>();
    CompletableFuture<FibonacciNumber> shared = inFlight.putIfAbsent(position, mine);
    if (shared != null) {
      return shared.copy();
    }
    lookUp(position, loader)
        .whenComplete(
            (value, failure) -> {
              // Gone from the flight before anyone sees the result, so that a request made once
              // this one has ended starts afresh (a failed load is not kept).
              inFlight.remove(position, mine);
              if (failure != null) {
                mine.completeExceptionally(failure);
              } else {
                mine.complete(value);
              }
            });
    return mine.copy();
  }

  private CompletableFuture<FibonacciNumber> lookUp(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    byte[] key = key(position);
    return read(position, key)
        .thenCompose(
            found ->
                found != null
                    ? CompletableFuture.completedFuture(found)
                    : load(position, key, loader));
  }

  /** The stored value, or null on a miss, a failure, or while the breaker is open. */
  private CompletableFuture<FibonacciNumber> read(Position position, byte[] key) {
    if (!breaker.tryAcquirePermission()) {
      return CompletableFuture.completedFuture(null);
    }
    long started = System.nanoTime();
    return link.commands()
        .thenCompose(commands -> commands.get(key).toCompletableFuture())
        .handle(
            (bytes, failure) -> {
              long elapsed = System.nanoTime() - started;
              if (failure != null) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
                LOG.debug(
                    "Redis read of {} failed, computing instead: {}", position, failure.toString());
                return null;
              }
              breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
              return bytes == null ? null : decode(position, bytes);
            });
  }

  private CompletableFuture<FibonacciNumber> load(
      Position position,
      byte[] key,
      Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    CompletableFuture<FibonacciNumber> loaded;
    try {
      loaded = loader.apply(position);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (loaded == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the loader of " + position + " returned no future"));
    }
    return loaded.thenApply(
        value -> {
          store(key, value);
          return value;
        });
  }

  /** Writes the value without waiting for the answer; a failure only feeds the breaker. */
  @SuppressWarnings(
      "FutureReturnValueIgnored") // a write is best effort; its outcome feeds the breaker
  private void store(byte[] key, FibonacciNumber value) {
    if (value.digitCount() > maxValueBytes || !breaker.tryAcquirePermission()) {
      return;
    }
    long started = System.nanoTime();
    link.commands()
        .thenCompose(
            commands ->
                commands
                    .set(key, bytesOf(value.digits()), SetArgs.Builder.px(ttlMillis))
                    .toCompletableFuture())
        .whenComplete(
            (ok, failure) -> {
              long elapsed = System.nanoTime() - started;
              if (failure != null) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
                LOG.debug("Redis write of {} failed: {}", value.position(), failure.toString());
              } else {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
              }
            });
  }

  private static @Nullable FibonacciNumber decode(Position position, byte[] bytes) {
    try {
      return FibonacciNumber.ofAsciiDigits(position, bytes);
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring a malformed cached value of {}: {}", position, e.getMessage());
      return null;
    }
  }

  private byte[] key(Position position) {
    return (keyPrefix + position.value()).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] bytesOf(ByteBuffer digits) {
    if (digits.hasArray()
        && !digits.isReadOnly()
        && digits.arrayOffset() == 0
        && digits.position() == 0
        && digits.remaining() == digits.array().length) {
      return digits.array();
    }
    byte[] copy = new byte[digits.remaining()];
    digits.duplicate().get(copy);
    return copy;
  }
}
