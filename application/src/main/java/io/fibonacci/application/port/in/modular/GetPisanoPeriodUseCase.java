package io.fibonacci.application.port.in.modular;

import java.util.concurrent.CompletionStage;

/**
 * The Pisano period π(m) for 1 <= m <= 10^12. The stage fails with a {@link
 * io.fibonacci.shared.FibonacciException}: an invalid m, a spent quota, or a full pool.
 */
public interface GetPisanoPeriodUseCase {

  CompletionStage<PisanoPeriod> get(PisanoPeriodQuery query);
}
