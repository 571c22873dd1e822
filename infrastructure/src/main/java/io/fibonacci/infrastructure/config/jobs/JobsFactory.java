package io.fibonacci.infrastructure.config.jobs;

import io.fibonacci.application.port.in.jobs.CancelJobUseCase;
import io.fibonacci.application.port.in.jobs.GetJobResultUseCase;
import io.fibonacci.application.port.in.jobs.GetJobUseCase;
import io.fibonacci.application.port.in.jobs.RunJobsUseCase;
import io.fibonacci.application.port.in.jobs.SubmitJobUseCase;
import io.fibonacci.application.port.out.ComputationScheduler;
import io.fibonacci.application.port.out.DigitsEncoder;
import io.fibonacci.application.port.out.EncodedDigitsCache;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.application.port.out.TraceOrigin;
import io.fibonacci.application.port.out.jobs.ComputationClaims;
import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.application.service.ContentEncodingPolicy;
import io.fibonacci.application.service.RequestCostPolicy;
import io.fibonacci.application.service.ScheduledCalculator;
import io.fibonacci.application.service.jobs.CancelJobService;
import io.fibonacci.application.service.jobs.GetJobResultService;
import io.fibonacci.application.service.jobs.GetJobService;
import io.fibonacci.application.service.jobs.JobSettings;
import io.fibonacci.application.service.jobs.KnownValues;
import io.fibonacci.application.service.jobs.RunJobsService;
import io.fibonacci.application.service.jobs.SubmitJobService;
import io.fibonacci.application.service.jobs.WorkerSettings;
import io.fibonacci.domain.model.PositionLimit;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.infrastructure.config.core.FibonacciProperties;
import io.fibonacci.infrastructure.config.core.HttpProperties;
import io.fibonacci.infrastructure.config.ratelimit.PlanCatalog;
import io.fibonacci.infrastructure.jobs.JobWorkers;
import io.fibonacci.infrastructure.observability.OpenTelemetryTraceOrigin;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wires the job use cases (their adapters come from {@link EmbeddedJobsFactory} or {@link
 * RedisJobsFactory}); starts the worker threads unless this instance only serves the API ({@code
 * fibonacci.role=api}).
 */
@Factory
public class JobsFactory {

  /** What a submission refused by a full queue is told to wait. */
  private static final Duration RETRY_AFTER_FULL = Duration.ofSeconds(5);

  /** How often a request waiting for its job ({@code Prefer: wait}) looks at it. */
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  @Singleton
  JobSettings jobSettings(JobsProperties jobs, FibonacciProperties fibonacci, PlanCatalog plans) {
    Map<String, Integer> byPlan = new HashMap<>();
    plans.plans().forEach((name, quota) -> byPlan.put(name, quota.maxActiveJobs()));
    return new JobSettings(
        PositionLimit.of(jobs.maxN()),
        fibonacci.maxN(),
        jobs.maxActivePerClient(),
        RETRY_AFTER_FULL,
        POLL_INTERVAL,
        byPlan);
  }

  @Singleton
  WorkerSettings workerSettings(JobsProperties jobs) {
    return new WorkerSettings(jobs.maxAttempts(), jobs.lease());
  }

  @Singleton
  SubmitJobUseCase submitJobUseCase(
      JobSettings settings,
      RateLimiter rateLimiter,
      JobStore store,
      JobQueue queue,
      JobResultStore results,
      FibonacciCache cache,
      ComputationScheduler scheduler,
      FibonacciCalculator calculator,
      Clock clock,
      Optional<OpenTelemetry> tracing) {
    return new SubmitJobService(
        settings,
        RequestCostPolicy.DEFAULT,
        rateLimiter,
        store,
        queue,
        new KnownValues(cache, results, new ScheduledCalculator(scheduler, calculator)),
        clock,
        new SecureRandom(),
        tracing.isPresent() ? new OpenTelemetryTraceOrigin() : TraceOrigin.NONE);
  }

  @Singleton
  GetJobUseCase getJobUseCase(JobStore store, Clock clock, JobSettings settings) {
    return new GetJobService(store, clock, settings);
  }

  @Singleton
  CancelJobUseCase cancelJobUseCase(JobStore store, Clock clock) {
    return new CancelJobService(store, clock);
  }

  @Singleton
  GetJobResultUseCase getJobResultUseCase(
      JobStore store,
      JobResultStore results,
      EncodedDigitsCache encodedDigitsCache,
      DigitsEncoder digitsEncoder,
      HttpProperties http) {
    return new GetJobResultService(
        store,
        results,
        new ContentEncodingPolicy(encodedDigitsCache, digitsEncoder, http.compressionMinBytes()));
  }

  @Singleton
  RunJobsUseCase runJobsUseCase(
      JobQueue queue,
      JobStore store,
      JobResultStore results,
      ComputationClaims claims,
      FibonacciCalculator calculator,
      WorkerSettings settings,
      Clock clock) {
    return new RunJobsService(queue, store, results, claims, calculator, settings, clock);
  }

  /** The workers, started with the application unless it only serves the API. */
  @Context
  @Bean(preDestroy = "close")
  @Requires(property = "fibonacci.role", notEquals = "api")
  JobWorkers jobWorkers(RunJobsUseCase work, JobsProperties jobs) {
    return new JobWorkers(work, jobs.workers(), jobs.shutdownGrace()).start();
  }
}
