package io.fibonacci.infrastructure.composite;

import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Two cache tiers, nearest first: a request is answered by the local tier, else by the remote one,
 * else by the loader, and a value found remotely or computed is kept locally too. The remote tier
 * is consulted only from {@code remoteMinN} on: smaller values are computed faster than a network
 * round trip would fetch them.
 *
 * <p>The remote lookup runs as the local tier's loader, so the local tier's single flight covers
 * both: concurrent requests for one position make one remote lookup and at most one computation.
 */
public final class TieredFibonacciCache implements FibonacciCache {

  private final FibonacciCache local;
  private final FibonacciCache remote;
  private final int remoteMinN;

  public TieredFibonacciCache(FibonacciCache local, FibonacciCache remote, int remoteMinN) {
    this.local = Objects.requireNonNull(local, "local");
    this.remote = Objects.requireNonNull(remote, "remote");
    if (remoteMinN < 0) {
      throw new IllegalArgumentException("the remote tier starts at 0 or later, got " + remoteMinN);
    }
    this.remoteMinN = remoteMinN;
  }

  @Override
  public CompletableFuture<FibonacciNumber> get(
      Position position, Function<Position, CompletableFuture<FibonacciNumber>> loader) {
    Objects.requireNonNull(loader, "loader");
    if (position.value() < remoteMinN) {
      return local.get(position, loader);
    }
    return local.get(position, key -> remote.get(key, loader));
  }
}
