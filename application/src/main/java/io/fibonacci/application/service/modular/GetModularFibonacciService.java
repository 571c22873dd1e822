package io.fibonacci.application.service.modular;

import io.fibonacci.application.port.in.modular.GetModularFibonacciUseCase;
import io.fibonacci.application.port.in.modular.ModularFibonacci;
import io.fibonacci.application.port.in.modular.ModularFibonacciQuery;
import io.fibonacci.application.service.HeavyWork;
import io.fibonacci.application.service.RequestAdmission;
import io.fibonacci.domain.calculator.ModularFibonacciCalculator;
import io.fibonacci.domain.model.modular.LargePosition;
import io.fibonacci.domain.model.modular.Modulus;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.math.BigInteger;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * F(n) mod m: validates n and m, charges the client by the work, then computes inline when the
 * operands are small and on the compute pool (or sheds the request) when they are not.
 */
public final class GetModularFibonacciService implements GetModularFibonacciUseCase {

  private final RequestAdmission admission;
  private final HeavyWork work;
  private final ModularCostPolicy costPolicy;

  public GetModularFibonacciService(
      RequestAdmission admission, HeavyWork work, ModularCostPolicy costPolicy) {
    this.admission = Objects.requireNonNull(admission, "admission");
    this.work = Objects.requireNonNull(work, "work");
    this.costPolicy = Objects.requireNonNull(costPolicy, "costPolicy");
  }

  @Override
  public CompletionStage<ModularFibonacci> get(ModularFibonacciQuery query) {
    LargePosition n;
    Modulus m;
    ClientKey client;
    try {
      n = LargePosition.parse(query.n());
      m = Modulus.parse(query.m());
      client = ClientKey.of(query.client());
    } catch (RuntimeException invalid) {
      return CompletableFuture.failedFuture(invalid);
    }
    long units = ModularFibonacciCalculator.work(n, m);
    return admission.admitThen(
        client,
        costPolicy.costOf(units),
        admitted ->
            compute(n, m, units)
                .thenApply(
                    value ->
                        new ModularFibonacci(
                            n.toString(),
                            m.toString(),
                            value.toString(),
                            admitted.cost(),
                            admitted.rateLimit())));
  }

  private CompletableFuture<BigInteger> compute(LargePosition n, Modulus m, long units) {
    return work.run(costPolicy.inline(units), () -> ModularFibonacciCalculator.compute(n, m));
  }
}
