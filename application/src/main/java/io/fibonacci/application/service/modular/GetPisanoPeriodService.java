package io.fibonacci.application.service.modular;

import io.fibonacci.application.port.in.modular.GetPisanoPeriodUseCase;
import io.fibonacci.application.port.in.modular.PisanoPeriod;
import io.fibonacci.application.port.in.modular.PisanoPeriodQuery;
import io.fibonacci.application.service.HeavyWork;
import io.fibonacci.application.service.RequestAdmission;
import io.fibonacci.domain.calculator.PisanoPeriodCalculator;
import io.fibonacci.domain.model.modular.PisanoModulus;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * π(m): validates m, charges the client by the trial divisions factoring takes (about 2 √m), then
 * computes inline for small m and on the compute pool (or sheds the request) for large m.
 */
public final class GetPisanoPeriodService implements GetPisanoPeriodUseCase {

  private final RequestAdmission admission;
  private final HeavyWork work;
  private final ModularCostPolicy costPolicy;

  public GetPisanoPeriodService(
      RequestAdmission admission, HeavyWork work, ModularCostPolicy costPolicy) {
    this.admission = Objects.requireNonNull(admission, "admission");
    this.work = Objects.requireNonNull(work, "work");
    this.costPolicy = Objects.requireNonNull(costPolicy, "costPolicy");
  }

  @Override
  public CompletionStage<PisanoPeriod> get(PisanoPeriodQuery query) {
    PisanoModulus m;
    ClientKey client;
    try {
      m = PisanoModulus.parse(query.m());
      client = ClientKey.of(query.client());
    } catch (RuntimeException invalid) {
      return CompletableFuture.failedFuture(invalid);
    }
    long divisions = PisanoPeriodCalculator.work(m);
    return admission.admitThen(
        client,
        costPolicy.costOf(divisions),
        admitted ->
            compute(m, divisions)
                .thenApply(
                    period ->
                        new PisanoPeriod(
                            m.value(), period, admitted.cost(), admitted.rateLimit())));
  }

  private CompletableFuture<Long> compute(PisanoModulus m, long divisions) {
    return work.run(costPolicy.inline(divisions), () -> PisanoPeriodCalculator.compute(m));
  }
}
