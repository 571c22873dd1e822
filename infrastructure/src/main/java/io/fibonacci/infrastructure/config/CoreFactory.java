package io.fibonacci.infrastructure.config;

import io.fibonacci.application.port.in.GetFibonacciUseCase;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.application.service.ComputationPolicy;
import io.fibonacci.application.service.GetFibonacciService;
import io.fibonacci.application.service.RequestCostPolicy;
import io.fibonacci.domain.calculator.SizeTieredFibonacciCalculator;
import io.fibonacci.domain.model.PositionLimit;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.infrastructure.metrics.MeteredFibonacciCalculator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;

/** Wires the framework-free core with {@code new}: calculator, compute pool and the use case. */
@Factory
public class CoreFactory {

  /** Shed requests are told to come back after this long: heavy computations take ~0.2 s. */
  private static final long RETRY_AFTER_SHED_SECONDS = 1;

  @Singleton
  FibonacciCalculator calculator(MeterRegistry registry) {
    return new MeteredFibonacciCalculator(new SizeTieredFibonacciCalculator(), registry);
  }

  @Singleton
  @Named(ComputeExecutors.NAME)
  @Bean(preDestroy = "shutdown")
  ExecutorService computeExecutor(ComputeProperties compute, MeterRegistry registry) {
    return ComputeExecutors.bounded(compute, registry);
  }

  /**
   * Built when the application starts ({@code @Context}), with everything it needs: a wiring or
   * configuration mistake stops the start instead of failing the first request.
   */
  @Context
  GetFibonacciUseCase getFibonacciUseCase(
      FibonacciProperties properties,
      ComputeProperties compute,
      RateLimiter rateLimiter,
      FibonacciCache cache,
      FibonacciCalculator calculator,
      @Named(ComputeExecutors.NAME) ExecutorService computeExecutor) {
    return new GetFibonacciService(
        PositionLimit.of(properties.getMaxN()),
        RequestCostPolicy.DEFAULT,
        rateLimiter,
        cache,
        calculator,
        new ComputationPolicy(
            compute.getInlineMaxN(),
            // Carries the request's context (MDC request id) onto the compute thread.
            task -> computeExecutor.execute(PropagatedContext.wrapCurrent(task)),
            RETRY_AFTER_SHED_SECONDS));
  }
}
