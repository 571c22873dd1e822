package io.fibonacci.application.port.in.index;

import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.shared.Nullable;

/**
 * Where a value sits in the sequence, as delivered to a client: it is F(n) ({@code fibonacci},
 * {@code n}), or it lies between F(below) and F(above).
 *
 * @param value the value in canonical decimal (no leading zeros)
 * @param n the position when the value is a Fibonacci number (for 1, the smaller: 1), else null
 * @param below the position of the largest Fibonacci number below the value, else null
 * @param above the position of the smallest Fibonacci number above the value, else null
 * @param cost the tokens this request cost
 * @param rateLimit the client's quotas after this request
 */
public record FibonacciIndexAnswer(
    String value,
    boolean fibonacci,
    @Nullable Long n,
    @Nullable Long below,
    @Nullable Long above,
    long cost,
    RateLimitStatus rateLimit) {}
