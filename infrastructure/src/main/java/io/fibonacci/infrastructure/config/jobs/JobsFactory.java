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
import io.fibonacci.domain.model.PositionLimit;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.infrastructure.config.core.FibonacciProperties;
import io.fibonacci.infrastructure.config.core.HttpProperties;
import io.fibonacci.infrastructure.inmemory.InMemoryJobQueue;
import io.fibonacci.infrastructure.inmemory.InMemoryJobResultStore;
import io.fibonacci.infrastructure.inmemory.InMemoryJobStore;
import io.fibonacci.infrastructure.jobs.JobWorkers;
import io.fibonacci.infrastructure.observability.ObservedJobQueue;
import io.fibonacci.infrastructure.observability.ObservedJobStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires the job use cases and their in-memory adapters; starts the worker threads unless this
 * instance only serves the API ({@code fibonacci.role=api}).
 */
@Factory
public class JobsFactory {

  /** What a submission refused by a full queue is told to wait. */
  private static final Duration RETRY_AFTER_FULL = Duration.ofSeconds(5);

  /** How often a request waiting for its job ({@code Prefer: wait}) looks at it. */
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  @Singleton
  JobSettings jobSettings(JobsProperties jobs, FibonacciProperties fibonacci) {
    return new JobSettings(
        PositionLimit.of(jobs.maxN()),
        fibonacci.maxN(),
        jobs.maxActivePerClient(),
        RETRY_AFTER_FULL,
        POLL_INTERVAL);
  }

  // The embedded adapters serve Redis mode too until its own (streams, shared state) exist: jobs
  // are then per instance.
  @Singleton
  JobStore inMemoryJobStore(JobsProperties jobs, MeterRegistry registry) {
    return new ObservedJobStore(
        new InMemoryJobStore(jobs.resultTtl(), jobs.maxFinished()), registry);
  }

  @Singleton
  JobQueue inMemoryJobQueue(JobsProperties jobs, MeterRegistry registry, Clock clock) {
    return new ObservedJobQueue(new InMemoryJobQueue(jobs.queueCapacity(), clock), registry, clock);
  }

  @Singleton
  JobResultStore inMemoryJobResultStore(JobsProperties jobs) {
    return new InMemoryJobResultStore(jobs.resultTtl(), jobs.resultMaxBytes());
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
      Clock clock) {
    return new SubmitJobService(
        settings,
        RequestCostPolicy.DEFAULT,
        rateLimiter,
        store,
        queue,
        new KnownValues(cache, results, new ScheduledCalculator(scheduler, calculator)),
        clock,
        new SecureRandom());
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
      FibonacciCalculator calculator,
      Clock clock) {
    return new RunJobsService(queue, store, results, calculator, clock);
  }

  /** The workers, started with the application unless it only serves the API. */
  @Context
  @Bean(preDestroy = "close")
  @Requires(property = "fibonacci.role", notEquals = "api")
  JobWorkers jobWorkers(RunJobsUseCase work, JobsProperties jobs) {
    return new JobWorkers(work, jobs.workers()).start();
  }
}
