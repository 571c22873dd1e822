package io.fibonacci.application.service;

import io.fibonacci.application.port.in.FibonacciResult;
import io.fibonacci.application.port.in.GetFibonacciQuery;
import io.fibonacci.application.port.in.GetFibonacciUseCase;
import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.in.RequestTooCostlyException;
import io.fibonacci.application.port.out.FibonacciCache;
import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.EncodedDigits;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.PositionLimit;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.shared.ContentCoding;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers F(n): validates the position, charges the client its cost, then serves the value from the
 * cache, computing it on a miss where the {@link ComputationScheduler} says (or shedding the
 * request), and adds the encoded form the client prefers when the value has one.
 */
public final class GetFibonacciService implements GetFibonacciUseCase {

  private final PositionLimit positionLimit;
  private final RequestCostPolicy costPolicy;
  private final RateLimiter rateLimiter;
  private final RequestAdmission admission;
  private final FibonacciCache cache;
  private final ScheduledCalculator computation;
  private final ContentEncodingPolicy encodingPolicy;

  public GetFibonacciService(
      PositionLimit positionLimit,
      RequestCostPolicy costPolicy,
      RateLimiter rateLimiter,
      FibonacciCache cache,
      ScheduledCalculator computation,
      ContentEncodingPolicy encodingPolicy) {
    this.positionLimit = positionLimit;
    this.costPolicy = costPolicy;
    this.rateLimiter = rateLimiter;
    this.admission = new RequestAdmission(rateLimiter);
    this.cache = cache;
    this.computation = computation;
    this.encodingPolicy = encodingPolicy;
  }

  @Override
  public CompletionStage<FibonacciResult> get(GetFibonacciQuery query) {
    Position position;
    long cost;
    ClientKey client;
    try {
      position = positionLimit.parse(query.position());
      client = ClientKey.of(query.client());
      cost = affordableCost(position, client);
    } catch (RuntimeException invalid) {
      return CompletableFuture.failedFuture(invalid);
    }
    // affordableCost checked the cost against the client's largest already
    return admission.chargeThen(
        client, cost, admitted -> serve(position, admitted, query.coding()));
  }

  private long affordableCost(Position position, ClientKey client) {
    long cost = costPolicy.costOf(position);
    long maxCost = rateLimiter.maxCost(client);
    if (cost > maxCost) {
      throw new RequestTooCostlyException(
          position.value(),
          cost,
          maxCost,
          Math.min(positionLimit.max(), costPolicy.largestPositionCosting(maxCost)));
    }
    return cost;
  }

  private CompletableFuture<FibonacciResult> serve(
      Position position, RequestAdmission.Admitted admitted, ContentCoding coding) {
    long cost = admitted.cost();
    RateLimitStatus status = admitted.rateLimit();
    return cache
        .get(position, computation::compute)
        .thenCompose(
            number -> {
              CompletableFuture<EncodedDigits> encoded =
                  encodingPolicy.encodedOrNull(number, coding);
              // Most answers have no encoded form to wait for: no second stage for them.
              return encoded.isDone()
                  ? CompletableFuture.completedFuture(
                      FibonacciResults.of(number, cost, status, encoded.getNow(null)))
                  : encoded.thenApply(form -> FibonacciResults.of(number, cost, status, form));
            });
  }
}
