package io.fibonacci.infrastructure.redis;

import io.fibonacci.shared.Nullable;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micronaut.context.BeanLocator;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One connection to Redis with binary keys and values, opened on first use rather than at startup,
 * so that the service starts (and degrades) while Redis is down.
 *
 * <p>Every command has a short timeout, a connection attempt a short connect timeout, and commands
 * issued while the connection is down are rejected at once instead of queued: a caller learns about
 * an outage in milliseconds and takes its fallback. Once connected, the client reconnects by
 * itself; until the first connection succeeds, each use starts a new attempt (concurrent uses share
 * it).
 */
public final class RedisLink implements AutoCloseable {

  private final RedisClient client;
  private final RedisURI uri;
  private final AtomicReference<CompletableFuture<StatefulRedisConnection<byte[], byte[]>>>
      attempt = new AtomicReference<>();
  private volatile @Nullable StatefulRedisConnection<byte[], byte[]> connection;
  private volatile boolean closed;

  /**
   * @param client the Redis client (its options are set here)
   * @param uri the Redis URI, e.g. {@code redis://127.0.0.1:6379/0}
   * @param commandTimeout the longest wait for any one command
   * @param connectTimeout the longest wait for a connection to be established
   */
  public RedisLink(
      RedisClient client, String uri, Duration commandTimeout, Duration connectTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    requirePositive(commandTimeout, "command timeout");
    requirePositive(connectTimeout, "connect timeout");
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .build());
    this.uri = RedisURI.create(Objects.requireNonNull(uri, "uri"));
    // The URI's timeout bounds the connection handshake; it would otherwise be 60 seconds.
    this.uri.setTimeout(commandTimeout);
  }

  /**
   * A link through the application's Redis client (the one micronaut-redis-lettuce configures from
   * {@code redis.*}), so that the wiring needs no Lettuce type.
   */
  public static RedisLink create(
      BeanLocator beans, String uri, Duration commandTimeout, Duration connectTimeout) {
    return new RedisLink(beans.getBean(RedisClient.class), uri, commandTimeout, connectTimeout);
  }

  /**
   * The asynchronous commands of the connection; fails (without throwing) when Redis cannot be
   * reached.
   */
  public CompletableFuture<RedisAsyncCommands<byte[], byte[]>> commands() {
    StatefulRedisConnection<byte[], byte[]> open = connection;
    if (open != null) {
      return CompletableFuture.completedFuture(open.async());
    }
    return connect().thenApply(StatefulRedisConnection::async);
  }

  /** Whether a connection has been established and is open now. */
  public boolean isConnected() {
    StatefulRedisConnection<byte[], byte[]> open = connection;
    return open != null && open.isOpen();
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisConnection<byte[], byte[]> open = connection;
    if (open != null) {
      open.close();
    }
  }

  @SuppressWarnings("FutureReturnValueIgnored") // the continuations complete the caller's future
  private CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connect() {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the Redis link is closed"));
    }
    CompletableFuture<StatefulRedisConnection<byte[], byte[]>> mine = new CompletableFuture<>();
    CompletableFuture<StatefulRedisConnection<byte[], byte[]>> current =
        attempt.compareAndExchange(null, mine);
    if (current != null) {
      return current.copy();
    }
    try {
      client
          .connectAsync(ByteArrayCodec.INSTANCE, uri)
          .whenComplete(
              (opened, failure) -> {
                if (opened != null) {
                  connected(opened);
                  mine.complete(opened);
                } else {
                  attempt.set(null);
                  mine.completeExceptionally(failure);
                }
              });
    } catch (RuntimeException e) {
      attempt.set(null);
      mine.completeExceptionally(e);
    }
    return mine.copy();
  }

  @SuppressWarnings("FutureReturnValueIgnored") // closing a connection nobody will use any more
  private void connected(StatefulRedisConnection<byte[], byte[]> opened) {
    connection = opened;
    if (closed) {
      opened.closeAsync();
    }
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the " + name + " is positive, got " + duration);
    }
  }
}
