package io.fibonacci.infrastructure.config.modular;

import io.fibonacci.application.port.in.index.FindFibonacciIndexUseCase;
import io.fibonacci.application.port.in.modular.GetModularFibonacciUseCase;
import io.fibonacci.application.port.in.modular.GetPisanoPeriodUseCase;
import io.fibonacci.application.port.out.ComputationScheduler;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.application.service.HeavyWork;
import io.fibonacci.application.service.RequestAdmission;
import io.fibonacci.application.service.RequestCostPolicy;
import io.fibonacci.application.service.ScheduledCalculator;
import io.fibonacci.application.service.index.FindFibonacciIndexService;
import io.fibonacci.application.service.modular.GetModularFibonacciService;
import io.fibonacci.application.service.modular.GetPisanoPeriodService;
import io.fibonacci.application.service.modular.ModularCostPolicy;
import io.fibonacci.domain.port.FibonacciCalculator;
import io.fibonacci.infrastructure.config.core.FibonacciProperties;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The use cases beyond F(n): F(n) mod m, Pisano periods, and the position of a value. Their costs
 * and where they run come from {@code make bench-jmh} (ModularBenchmark); see the README's cost
 * model.
 */
@Factory
public class ModularFactory {

  /**
   * F(n) mod m: inline up to 2^13 units of work (bits of n times m's 32-bit words squared; at most
   * about 0.1 ms: any n of up to 1,000 digits with an m below 2^32), one token more per 2^19 units
   * (a few milliseconds of work, as a token of F(n) is), so 1,000-digit n and m (0.19 s) cost 69.
   */
  static final ModularCostPolicy MODULAR_COST = new ModularCostPolicy(1L << 13, 1L << 19);

  /**
   * π(m): inline up to 20,000 trial divisions (m up to 10^8, 0.06 ms), one token more per 1,000,000
   * (a prime near 10^12 takes 2 ms and costs 3 tokens).
   */
  static final ModularCostPolicy PISANO_COST = new ModularCostPolicy(20_000, 1_000_000);

  @Singleton
  GetModularFibonacciUseCase getModularFibonacciUseCase(
      RateLimiter rateLimiter, ComputationScheduler scheduler) {
    return new GetModularFibonacciService(
        new RequestAdmission(rateLimiter), new HeavyWork(scheduler), MODULAR_COST);
  }

  @Singleton
  GetPisanoPeriodUseCase getPisanoPeriodUseCase(
      RateLimiter rateLimiter, ComputationScheduler scheduler) {
    return new GetPisanoPeriodService(
        new RequestAdmission(rateLimiter), new HeavyWork(scheduler), PISANO_COST);
  }

  @Singleton
  FindFibonacciIndexUseCase findFibonacciIndexUseCase(
      FibonacciProperties properties,
      RateLimiter rateLimiter,
      FibonacciCache cache,
      FibonacciCalculator calculator,
      ComputationScheduler scheduler) {
    return new FindFibonacciIndexService(
        properties.maxN(),
        new RequestAdmission(rateLimiter),
        RequestCostPolicy.DEFAULT,
        cache,
        new ScheduledCalculator(scheduler, calculator));
  }
}
