package io.fibonacci.infrastructure.redis;

import io.fibonacci.shared.Nullable;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Opens the links of every Redis adapter to one deployment: a single node ({@code REDIS_URI}) or a
 * Redis Cluster ({@code REDIS_CLUSTER_URIS}). The adapters do not know which: a link offers the
 * commands both have, and every multi-key script keeps its keys in one slot.
 *
 * <p>All links share one set of event loops and timers. A command timeout is a client option in
 * Lettuce, fixed when a connection opens, so links with different timeouts get different clients:
 * sharing one would give every link whichever timeout was set last.
 */
public final class RedisLinks implements AutoCloseable {

  private final ClientResources resources = DefaultClientResources.create();
  private final Map<Duration, AbstractRedisClient> clients = new HashMap<>();
  private final List<RedisLink> opened = new ArrayList<>();
  private final @Nullable String uri;
  private final List<String> seeds;
  private final Duration connectTimeout;

  private RedisLinks(@Nullable String uri, List<String> seeds, Duration connectTimeout) {
    this.uri = uri;
    this.seeds = seeds;
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
  }

  /** Links to the one Redis at {@code uri}, e.g. {@code redis://127.0.0.1:6379/0}. */
  public static RedisLinks node(String uri, Duration connectTimeout) {
    return new RedisLinks(Objects.requireNonNull(uri, "uri"), List.of(), connectTimeout);
  }

  /**
   * Links to the Redis Cluster that {@code seeds} belong to (some of its nodes, each {@code
   * redis://host:port}); the rest of the topology is learnt from them and followed.
   */
  public static RedisLinks cluster(List<String> seeds, Duration connectTimeout) {
    RedisLink.clusterNodes(seeds, connectTimeout); // fails fast on no or malformed seeds
    return new RedisLinks(null, List.copyOf(seeds), connectTimeout);
  }

  /** Whether the links go to a Redis Cluster. */
  public boolean isCluster() {
    return uri == null;
  }

  /**
   * A new link (one connection, opened on first use) whose commands wait at most {@code timeout}.
   */
  public synchronized RedisLink open(Duration commandTimeout) {
    AbstractRedisClient client = clients.computeIfAbsent(commandTimeout, this::client);
    RedisLink link =
        client instanceof RedisClusterClient cluster
            ? RedisLink.cluster(cluster, commandTimeout, connectTimeout)
            : new RedisLink(
                (RedisClient) client, Objects.requireNonNull(uri), commandTimeout, connectTimeout);
    opened.add(link);
    return link;
  }

  private AbstractRedisClient client(Duration commandTimeout) {
    return isCluster()
        ? RedisClusterClient.create(resources, RedisLink.clusterNodes(seeds, commandTimeout))
        : RedisClient.create(resources);
  }

  /** Closes every link opened here, then the clients and their event loops. */
  @Override
  public synchronized void close() {
    opened.forEach(RedisLink::close);
    clients.values().forEach(client -> client.shutdown(0, 2, TimeUnit.SECONDS));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
