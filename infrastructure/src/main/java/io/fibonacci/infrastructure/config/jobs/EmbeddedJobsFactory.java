package io.fibonacci.infrastructure.config.jobs;

import io.fibonacci.application.port.out.jobs.ComputationClaims;
import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.infrastructure.config.RedisConfigured;
import io.fibonacci.infrastructure.config.core.CoreFactory;
import io.fibonacci.infrastructure.inmemory.InMemoryComputationClaims;
import io.fibonacci.infrastructure.inmemory.InMemoryJobQueue;
import io.fibonacci.infrastructure.inmemory.InMemoryJobResultStore;
import io.fibonacci.infrastructure.inmemory.InMemoryJobStore;
import io.fibonacci.infrastructure.observability.ObservedJobQueue;
import io.fibonacci.infrastructure.observability.ObservedJobStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The jobs of one instance, in its memory: without Redis (no {@code REDIS_URI}, no cluster). */
@Factory
@Requires(condition = RedisConfigured.Absent.class)
public class EmbeddedJobsFactory {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedJobsFactory.class);

  @Singleton
  JobStore inMemoryJobStore(JobsProperties jobs, MeterRegistry registry) {
    return new ObservedJobStore(
        new InMemoryJobStore(jobs.resultTtl(), jobs.maxFinished()), registry);
  }

  /**
   * The queue of this process. Only {@code fibonacci.role=all} runs its jobs here: another role
   * without Redis shares the queue with no one, which the log says at start.
   */
  @Singleton
  JobQueue inMemoryJobQueue(
      JobsProperties jobs,
      MeterRegistry registry,
      Clock clock,
      @Value("${fibonacci.role:all}") String role,
      Optional<OpenTelemetry> tracing) {
    if (!"all".equals(role)) {
      LOG.warn(
          "fibonacci.role={} without Redis: the job queue is this process's own, so {}",
          role,
          "api".equals(role)
              ? "jobs submitted here wait for workers that cannot see them"
              : "this worker sees no job submitted elsewhere");
    }
    return new ObservedJobQueue(
        new InMemoryJobQueue(jobs.queueCapacity(), clock),
        registry,
        clock,
        CoreFactory.tracer(tracing));
  }

  @Singleton
  JobResultStore inMemoryJobResultStore(JobsProperties jobs) {
    return new InMemoryJobResultStore(jobs.resultTtl(), jobs.resultMaxBytes());
  }

  @Singleton
  ComputationClaims inMemoryComputationClaims(Clock clock) {
    return new InMemoryComputationClaims(clock);
  }
}
