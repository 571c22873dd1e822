package io.fibonacci.infrastructure.config.jobs;

import io.fibonacci.application.port.out.jobs.ComputationClaims;
import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.infrastructure.config.RedisConfigured;
import io.fibonacci.infrastructure.config.core.CoreFactory;
import io.fibonacci.infrastructure.config.redis.RedisProperties;
import io.fibonacci.infrastructure.observability.ObservedJobQueue;
import io.fibonacci.infrastructure.observability.ObservedJobStore;
import io.fibonacci.infrastructure.redis.RedisComputationClaims;
import io.fibonacci.infrastructure.redis.RedisJobQueue;
import io.fibonacci.infrastructure.redis.RedisJobResultStore;
import io.fibonacci.infrastructure.redis.RedisJobStore;
import io.fibonacci.infrastructure.redis.RedisLink;
import io.fibonacci.infrastructure.redis.RedisLinks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The jobs of every instance on one Redis or one Redis Cluster: with {@code REDIS_URI} or {@code
 * REDIS_CLUSTER_URIS}. Job state, the queue and the claims share one connection; results (up to
 * tens of MB each) have their own, so that a large value in transit never delays a status read.
 */
@Factory
@Requires(condition = RedisConfigured.class)
public class RedisJobsFactory {

  private static final String JOBS = "jobs";
  private static final String RESULTS = "job-results";

  /** A result in transit may take longer than a small command. */
  private static final Duration RESULT_TIMEOUT_FLOOR = Duration.ofSeconds(5);

  @Singleton
  @Named(JOBS)
  @Bean(preDestroy = "close")
  RedisLink jobsLink(RedisLinks links, RedisProperties redis) {
    return links.open(redis.commandTimeout());
  }

  /** Results have their own connection, with a timeout that a 21 MB value in transit fits in. */
  @Singleton
  @Named(RESULTS)
  @Bean(preDestroy = "close")
  RedisLink jobResultsLink(RedisLinks links, RedisProperties redis) {
    return links.open(max(redis.commandTimeout(), RESULT_TIMEOUT_FLOOR));
  }

  @Singleton
  JobStore redisJobStore(
      @Named(JOBS) RedisLink link, RedisLinks links, JobsProperties jobs, MeterRegistry registry) {
    // On one node the keys keep their first layout, so that instances of earlier versions (a
    // canary beside them, say) read the same jobs.
    String prefix =
        links.isCluster()
            ? RedisJobStore.inQueueSlot(RedisJobStore.KEY_PREFIX)
            : RedisJobStore.KEY_PREFIX;
    return new ObservedJobStore(new RedisJobStore(link, prefix, jobs.resultTtl()), registry);
  }

  @Singleton
  JobQueue redisJobQueue(
      @Named(JOBS) RedisLink link,
      JobsProperties jobs,
      MeterRegistry registry,
      Clock clock,
      Optional<OpenTelemetry> tracing) {
    RedisJobQueue queue =
        new RedisJobQueue(
            link, RedisJobStore.KEY_PREFIX, jobs.queueCapacity(), consumerName(), jobs.lease());
    return new ObservedJobQueue(queue, registry, clock, CoreFactory.tracer(tracing));
  }

  @Singleton
  JobResultStore redisJobResultStore(@Named(RESULTS) RedisLink link, JobsProperties jobs) {
    return new RedisJobResultStore(link, RedisJobStore.KEY_PREFIX, jobs.resultTtl());
  }

  @Singleton
  ComputationClaims redisComputationClaims(@Named(JOBS) RedisLink link) {
    return new RedisComputationClaims(link, RedisJobStore.KEY_PREFIX);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * This process's consumer name: the host (a pod's name) and a random part, new at each start, so
   * that a restarted pod is a new consumer and the old one's entries are reclaimed, not inherited.
   */
  static String consumerName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return host + "-" + HexFormat.of().formatHex(random);
  }
}
