package io.fibonacci.application.port.in.modular;

import java.util.concurrent.CompletionStage;

/**
 * F(n) mod m for n and m of up to 1,000 digits, without computing F(n). The stage completes at once
 * for small operands and on the compute pool for large ones; it fails with a {@link
 * io.fibonacci.shared.FibonacciException}: an invalid n or m, a spent quota, or a full pool.
 */
public interface GetModularFibonacciUseCase {

  CompletionStage<ModularFibonacci> get(ModularFibonacciQuery query);
}
