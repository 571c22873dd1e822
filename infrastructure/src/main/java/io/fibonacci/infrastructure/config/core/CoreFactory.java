package io.fibonacci.infrastructure.config.core;

import io.fibonacci.application.port.in.GetFibonacciUseCase;
import io.fibonacci.application.port.out.ComputationScheduler;
import io.fibonacci.application.port.out.EncodedDigitsCache;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.application.service.ContentEncodingPolicy;
import io.fibonacci.application.service.GetFibonacciService;
import io.fibonacci.application.service.RequestCostPolicy;
import io.fibonacci.application.service.ScheduledCalculator;
import io.fibonacci.domain.calculator.SizeTieredFibonacciCalculator;
import io.fibonacci.domain.model.PositionLimit;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.infrastructure.compression.DeflateDigitsEncoder;
import io.fibonacci.infrastructure.compute.ExecutorComputationScheduler;
import io.fibonacci.infrastructure.observability.ObservedFibonacciCalculator;
import io.fibonacci.shared.Nullable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.propagation.PropagatedContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** Wires the framework-free core with {@code new}: calculator, compute pool and the use case. */
@Factory
public class CoreFactory {

  /** Shed requests are told to come back after this long: heavy computations take ~0.2 s. */
  private static final long RETRY_AFTER_SHED_SECONDS = 1;

  /** The name the service's own spans are reported under. */
  static final String INSTRUMENTATION_SCOPE = "io.fibonacci";

  @Singleton
  FibonacciCalculator calculator(MeterRegistry registry, Optional<OpenTelemetry> tracing) {
    return new ObservedFibonacciCalculator(
        new SizeTieredFibonacciCalculator(), registry, tracer(tracing));
  }

  /**
   * The tracer of the service's own spans, or null when tracing is off. Tracing is on when the
   * OpenTelemetry integration is ({@code TRACING_ENABLED=true}); when it is off there is no {@code
   * OpenTelemetry} bean, and the observed ports then only count, so tracing off costs nothing per
   * request.
   */
  public static @Nullable Tracer tracer(Optional<OpenTelemetry> tracing) {
    return tracing.map(otel -> otel.getTracer(INSTRUMENTATION_SCOPE)).orElse(null);
  }

  @Singleton
  @Named(ComputeExecutors.NAME)
  @Bean(preDestroy = "shutdown")
  ExecutorService computeExecutor(ComputeProperties compute, MeterRegistry registry) {
    return ComputeExecutors.bounded(compute, registry);
  }

  /**
   * The one scheduler of every computation: inline up to {@code fibonacci.compute.inline-max-n},
   * else on the bounded pool, carrying the request's context onto the compute thread (the MDC
   * request id, and the current span, so the computation's span is a child of the cache lookup's).
   */
  @Singleton
  ComputationScheduler computationScheduler(
      ComputeProperties compute, @Named(ComputeExecutors.NAME) ExecutorService computeExecutor) {
    return new ExecutorComputationScheduler(
        compute.inlineMaxN(),
        task ->
            computeExecutor.execute(
                PropagatedContext.wrapCurrent(
                    io.opentelemetry.context.Context.current().wrap(task))),
        RETRY_AFTER_SHED_SECONDS);
  }

  @Singleton
  @Bean(preDestroy = "close")
  DeflateDigitsEncoder digitsEncoder(HttpProperties http, MeterRegistry registry) {
    return new DeflateDigitsEncoder(http.encoderQueueCapacity(), registry);
  }

  /**
   * Built when the application starts ({@code @Context}), with everything it needs: a wiring or
   * configuration mistake stops the start instead of failing the first request.
   */
  @Context
  GetFibonacciUseCase getFibonacciUseCase(
      FibonacciProperties properties,
      RateLimiter rateLimiter,
      FibonacciCache cache,
      FibonacciCalculator calculator,
      ComputationScheduler computationScheduler,
      EncodedDigitsCache encodedDigitsCache,
      DeflateDigitsEncoder digitsEncoder,
      HttpProperties http) {
    return new GetFibonacciService(
        PositionLimit.of(properties.maxN()),
        RequestCostPolicy.DEFAULT,
        rateLimiter,
        cache,
        new ScheduledCalculator(computationScheduler, calculator),
        new ContentEncodingPolicy(encodedDigitsCache, digitsEncoder, http.compressionMinBytes()));
  }
}
