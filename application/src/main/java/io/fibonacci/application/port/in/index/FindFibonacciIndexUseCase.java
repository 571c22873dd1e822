package io.fibonacci.application.port.in.index;

import java.util.concurrent.CompletionStage;

/**
 * Whether a value is a Fibonacci number and which, or between which it lies: an estimate from
 * logarithms confirmed against the exact value at the estimate. The stage completes at once for
 * small values and cached ones; it fails with a {@link io.fibonacci.shared.FibonacciException}: an
 * invalid or too long value, a spent quota, or a full pool.
 */
public interface FindFibonacciIndexUseCase {

  CompletionStage<FibonacciIndexAnswer> find(FibonacciIndexQuery query);
}
