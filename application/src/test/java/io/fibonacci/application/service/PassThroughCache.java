package io.fibonacci.application.service;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A cache that keeps nothing: every lookup is recorded and loaded. */
public final class PassThroughCache implements FibonacciCache {

  /** The positions looked up, in order. */
  public final List<Integer> looked = new ArrayList<>();

  @Override
  public CompletableFuture<FibonacciNumber> get(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    looked.add(position.value());
    return loader.apply(position);
  }
}
