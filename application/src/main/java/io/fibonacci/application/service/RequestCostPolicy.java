package io.fibonacci.application.service;

import io.fibonacci.domain.model.Position;

/**
 * What a request costs in rate-limit tokens: {@code cost(n) = 1 + floor(n / positionsPerToken)}.
 *
 * <p>Small positions cost one token, like any cheap request; the cost then grows linearly with n,
 * so a client's bucket drains in proportion to the work it may cause. With the default of 100,000
 * positions per token, F(10^6) costs 11 tokens and F(10^7) costs 101.
 */
public record RequestCostPolicy(int positionsPerToken) {

  public static final RequestCostPolicy DEFAULT = new RequestCostPolicy(100_000);

  public RequestCostPolicy {
    if (positionsPerToken < 1) {
      throw new IllegalArgumentException("positionsPerToken must be at least 1");
    }
  }

  public long costOf(Position position) {
    return 1L + position.value() / positionsPerToken;
  }

  /** The largest n whose cost does not exceed {@code tokens} (tokens >= 1). */
  public long largestPositionCosting(long tokens) {
    return Math.multiplyExact(tokens, (long) positionsPerToken) - 1;
  }
}
