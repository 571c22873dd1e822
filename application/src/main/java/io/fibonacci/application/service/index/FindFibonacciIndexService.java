package io.fibonacci.application.service.index;

import io.fibonacci.application.port.in.index.FibonacciIndexAnswer;
import io.fibonacci.application.port.in.index.FibonacciIndexQuery;
import io.fibonacci.application.port.in.index.FindFibonacciIndexUseCase;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.service.RequestAdmission;
import io.fibonacci.application.service.RequestCostPolicy;
import io.fibonacci.application.service.ScheduledCalculator;
import io.fibonacci.domain.calculator.FibonacciIndexEstimator;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.index.CandidateValue;
import io.fibonacci.domain.model.index.FibonacciIndex;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where a value sits in the sequence: a value of up to 18 digits is looked up at once (one token);
 * a larger one costs what F(n) at its estimated position n costs, and is confirmed against that
 * F(n), taken from the cache or computed as any F(n) is (inline when small, else on the compute
 * pool, shed when the pool is full).
 */
public final class FindFibonacciIndexService implements FindFibonacciIndexUseCase {

  private final int maxDigits;
  private final RequestAdmission admission;
  private final RequestCostPolicy costPolicy;
  private final FibonacciCache cache;
  private final ScheduledCalculator computation;

  /**
   * @param maxN the largest position the service computes: values may have as many digits as
   *     F(maxN)
   */
  public FindFibonacciIndexService(
      int maxN,
      RequestAdmission admission,
      RequestCostPolicy costPolicy,
      FibonacciCache cache,
      ScheduledCalculator computation) {
    this.maxDigits = FibonacciIndexEstimator.digitCountAt(maxN);
    this.admission = Objects.requireNonNull(admission, "admission");
    this.costPolicy = Objects.requireNonNull(costPolicy, "costPolicy");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.computation = Objects.requireNonNull(computation, "computation");
  }

  /** The most significant digits a value may have. */
  public int maxDigits() {
    return maxDigits;
  }

  @Override
  public CompletionStage<FibonacciIndexAnswer> find(FibonacciIndexQuery query) {
    CandidateValue value;
    ClientKey client;
    try {
      value = CandidateValue.parse(query.value(), maxDigits);
      client = ClientKey.of(query.client());
    } catch (RuntimeException invalid) {
      return CompletableFuture.failedFuture(invalid);
    }
    Optional<FibonacciIndex> small = FibonacciIndexEstimator.small(value);
    if (small.isPresent()) {
      return admission.admitThen(
          client,
          1,
          admitted -> CompletableFuture.completedFuture(answer(value, small.get(), admitted)));
    }
    Position candidate = Position.of(Math.toIntExact(FibonacciIndexEstimator.candidate(value)));
    return admission.admitThen(
        client,
        costPolicy.costOf(candidate),
        admitted ->
            cache
                .get(candidate, computation::compute)
                .thenApply(
                    exact ->
                        answer(value, FibonacciIndexEstimator.resolve(value, exact), admitted)));
  }

  private static FibonacciIndexAnswer answer(
      CandidateValue value, FibonacciIndex index, RequestAdmission.Admitted admitted) {
    return switch (index) {
      case FibonacciIndex.Exact exact ->
          new FibonacciIndexAnswer(
              value.digits(), true, exact.n(), null, null, admitted.cost(), admitted.rateLimit());
      case FibonacciIndex.Between between ->
          new FibonacciIndexAnswer(
              value.digits(),
              false,
              null,
              between.below(),
              between.above(),
              admitted.cost(),
              admitted.rateLimit());
    };
  }
}
