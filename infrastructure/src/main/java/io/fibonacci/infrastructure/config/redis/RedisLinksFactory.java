package io.fibonacci.infrastructure.config.redis;

import io.fibonacci.infrastructure.config.RedisConfigured;
import io.fibonacci.infrastructure.redis.RedisLinks;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every Redis adapter connects: {@code REDIS_CLUSTER_URIS} (comma-separated seed nodes of a
 * Redis Cluster) when set, else {@code REDIS_URI} (one node). Setting both is refused at start: one
 * of them would be silently ignored.
 */
@Factory
@Requires(condition = RedisConfigured.class)
public class RedisLinksFactory {

  private static final Logger LOG = LoggerFactory.getLogger(RedisLinksFactory.class);

  @Singleton
  @Bean(preDestroy = "close")
  RedisLinks redisLinks(
      @Value("${" + RedisConfigured.URI_PROPERTY + ":}") String uri,
      @Value("${" + RedisConfigured.CLUSTER_URIS_PROPERTY + ":}") String clusterUris,
      RedisProperties redis) {
    return links(uri, clusterUris, redis);
  }

  static RedisLinks links(String uri, String clusterUris, RedisProperties redis) {
    if (clusterUris.isBlank()) {
      return RedisLinks.node(uri.strip(), redis.connectTimeout());
    }
    if (!uri.isBlank()) {
      throw new ConfigurationException(
          "REDIS_URI and REDIS_CLUSTER_URIS are both set: set one (a single Redis, or the seed"
              + " nodes of a Redis Cluster)");
    }
    List<String> seeds =
        Arrays.stream(clusterUris.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    try {
      RedisLinks links = RedisLinks.cluster(seeds, redis.connectTimeout());
      LOG.info("Redis Cluster mode: {} seed node(s)", seeds.size());
      return links;
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "REDIS_CLUSTER_URIS is a comma-separated list of redis://host:port seed nodes: "
              + e.getMessage(),
          e);
    }
  }
}
