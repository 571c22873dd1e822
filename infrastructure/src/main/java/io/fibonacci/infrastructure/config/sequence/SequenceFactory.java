package io.fibonacci.infrastructure.config.sequence;

import io.fibonacci.application.port.in.sequence.GetSequencePageUseCase;
import io.fibonacci.application.port.in.sequence.StreamSequenceUseCase;
import io.fibonacci.application.port.out.ComputationScheduler;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.application.service.HeavyWork;
import io.fibonacci.application.service.RequestAdmission;
import io.fibonacci.application.service.ScheduledCalculator;
import io.fibonacci.application.service.sequence.GetSequencePageService;
import io.fibonacci.application.service.sequence.SequenceSettings;
import io.fibonacci.application.service.sequence.SequenceStart;
import io.fibonacci.application.service.sequence.StreamSequenceService;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.infrastructure.config.core.FibonacciProperties;
import io.fibonacci.infrastructure.observability.MicrometerStreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Sequence pages and streams: their bounds, their price, and where their values come from. */
@Factory
public class SequenceFactory {

  /** Pages of up to 64 KiB of rows are built on the caller's thread, larger ones on the pool. */
  static final long INLINE_PAGE_BYTES = 64 * 1024;

  /** One token more per 20,000 bytes of rows: F(10^6), 209 kB, costs 11 tokens as one value. */
  static final long BYTES_PER_TOKEN = 20_000;

  @Singleton
  SequenceSettings sequenceSettings(FibonacciProperties fibonacci, SequenceProperties sequence) {
    return new SequenceSettings(
        fibonacci.maxN(), sequence.maxPageBytes(), INLINE_PAGE_BYTES, BYTES_PER_TOKEN);
  }

  @Singleton
  SequenceStart sequenceStart(
      FibonacciCache cache, FibonacciCalculator calculator, ComputationScheduler scheduler) {
    return new SequenceStart(cache, new ScheduledCalculator(scheduler, calculator));
  }

  @Singleton
  GetSequencePageUseCase getSequencePageUseCase(
      SequenceSettings settings,
      RateLimiter rateLimiter,
      SequenceStart start,
      ComputationScheduler scheduler) {
    return new GetSequencePageService(
        settings, new RequestAdmission(rateLimiter), start, new HeavyWork(scheduler));
  }

  /** Built at start, so that the stream meters are there (at 0) before the first stream. */
  @Context
  StreamSequenceUseCase streamSequenceUseCase(
      SequenceSettings settings,
      RateLimiter rateLimiter,
      SequenceStart start,
      MeterRegistry registry) {
    return new StreamSequenceService(
        settings, new RequestAdmission(rateLimiter), start, new MicrometerStreamObserver(registry));
  }
}
