package io.fibonacci.application.port.in.modular;

import io.fibonacci.application.port.in.RateLimitStatus;

/**
 * F(n) mod m as delivered to a client: n, m and the value in canonical decimal (no leading zeros).
 *
 * @param cost the tokens this request cost
 * @param rateLimit the client's quotas after this request
 */
public record ModularFibonacci(
    String n, String m, String value, long cost, RateLimitStatus rateLimit) {}
