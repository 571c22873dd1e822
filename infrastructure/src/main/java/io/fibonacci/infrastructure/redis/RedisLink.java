package io.fibonacci.infrastructure.redis;

import io.fibonacci.shared.Nullable;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

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

  private static final int TOPOLOGY_REFRESH_SECONDS = 10;
  private static final Duration ADAPTIVE_REFRESH_PAUSE = Duration.ofSeconds(1);

  private final Supplier<CompletionStage<? extends StatefulConnection<byte[], byte[]>>> opener;
  private final AtomicReference<CompletableFuture<StatefulConnection<byte[], byte[]>>> attempt =
      new AtomicReference<>();
  private volatile @Nullable StatefulConnection<byte[], byte[]> connection;
  private volatile boolean closed;

  /**
   * @param client the Redis client (its options are set here)
   * @param uri the Redis URI, e.g. {@code redis://127.0.0.1:6379/0}
   * @param commandTimeout the longest wait for any one command
   * @param connectTimeout the longest wait for a connection to be established
   */
  public RedisLink(
      RedisClient client, String uri, Duration commandTimeout, Duration connectTimeout) {
    Objects.requireNonNull(client, "client");
    requirePositive(commandTimeout, "command timeout");
    requirePositive(connectTimeout, "connect timeout");
    client.setOptions(failFast(ClientOptions.builder(), commandTimeout, connectTimeout).build());
    RedisURI target = RedisURI.create(Objects.requireNonNull(uri, "uri"));
    // The URI's timeout bounds the connection handshake; it would otherwise be 60 seconds.
    target.setTimeout(commandTimeout);
    this.opener = () -> client.connectAsync(ByteArrayCodec.INSTANCE, target);
  }

  private RedisLink(
      Supplier<CompletionStage<? extends StatefulConnection<byte[], byte[]>>> opener) {
    this.opener = opener;
  }

  /**
   * A link to a Redis Cluster through {@code client} (its options are set here), which follows the
   * topology: refreshed every {@value #TOPOLOGY_REFRESH_SECONDS} s, and at once (at most once a
   * second) on MOVED, ASK, an uncovered slot and repeated reconnections, so a failover is followed
   * within seconds. Commands go to the master of their key's slot; the same timeouts hold as for
   * one node.
   */
  public static RedisLink cluster(
      RedisClusterClient client, Duration commandTimeout, Duration connectTimeout) {
    requirePositive(commandTimeout, "command timeout");
    requirePositive(connectTimeout, "connect timeout");
    client.setOptions(
        failFast(ClusterClientOptions.builder(), commandTimeout, connectTimeout)
            .topologyRefreshOptions(
                ClusterTopologyRefreshOptions.builder()
                    .enablePeriodicRefresh(Duration.ofSeconds(TOPOLOGY_REFRESH_SECONDS))
                    .enableAllAdaptiveRefreshTriggers()
                    // Lettuce's default (30 s) would ignore the triggers of a failover that
                    // completes after the first reconnection failed.
                    .adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_PAUSE)
                    .refreshTriggersReconnectAttempts(1)
                    .build())
            .build());
    // The topology is read from the seeds before each connection attempt: an asynchronous connect
    // needs it, and a cluster that was down at the last attempt may have changed since.
    return new RedisLink(
        () ->
            client
                .refreshPartitionsAsync()
                .thenCompose(topology -> client.connectAsync(ByteArrayCodec.INSTANCE)));
  }

  /** The seed nodes of a cluster, each with {@code timeout} for its handshake. */
  public static List<RedisURI> clusterNodes(List<String> seeds, Duration timeout) {
    List<RedisURI> nodes = new ArrayList<>();
    for (String seed : seeds) {
      RedisURI node = RedisURI.create(seed);
      node.setTimeout(timeout);
      nodes.add(node);
    }
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a Redis Cluster is named by at least one node");
    }
    return nodes;
  }

  /**
   * The options of every link, one node or a cluster: reconnect by itself, reject commands while
   * disconnected (a caller learns of an outage at once), and short timeouts.
   */
  private static <B extends ClientOptions.Builder> B failFast(
      B builder, Duration commandTimeout, Duration connectTimeout) {
    builder.autoReconnect(true);
    builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    builder.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build());
    builder.timeoutOptions(TimeoutOptions.enabled(commandTimeout));
    return builder;
  }

  /**
   * The asynchronous commands of the connection; fails (without throwing) when Redis cannot be
   * reached.
   */
  public CompletableFuture<RedisClusterAsyncCommands<byte[], byte[]>> commands() {
    StatefulConnection<byte[], byte[]> open = connection;
    if (open != null) {
      return CompletableFuture.completedFuture(async(open));
    }
    return connect().thenApply(RedisLink::async);
  }

  private static RedisClusterAsyncCommands<byte[], byte[]> async(
      StatefulConnection<byte[], byte[]> open) {
    if (open instanceof StatefulRedisClusterConnection<byte[], byte[]> cluster) {
      return cluster.async();
    }
    return ((StatefulRedisConnection<byte[], byte[]>) open).async();
  }

  /** Whether a connection has been established and is open now. */
  public boolean isConnected() {
    StatefulConnection<byte[], byte[]> open = connection;
    return open != null && open.isOpen();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    StatefulConnection<byte[], byte[]> open = connection;
    if (open != null) {
      open.close();
    }
  }

  @SuppressWarnings("FutureReturnValueIgnored") // the continuations complete the caller's future
  private CompletableFuture<StatefulConnection<byte[], byte[]>> connect() {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the Redis link is closed"));
    }
    CompletableFuture<StatefulConnection<byte[], byte[]>> mine = new CompletableFuture<>();
    CompletableFuture<StatefulConnection<byte[], byte[]>> current =
        attempt.compareAndExchange(null, mine);
    if (current != null) {
      return current.copy();
    }
    try {
      opener
          .get()
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
  private void connected(StatefulConnection<byte[], byte[]> opened) {
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
