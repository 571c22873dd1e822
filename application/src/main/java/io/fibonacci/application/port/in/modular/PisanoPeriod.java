package io.fibonacci.application.port.in.modular;

import io.fibonacci.application.port.in.RateLimitStatus;

/**
 * The period of F mod m, as delivered to a client.
 *
 * @param cost the tokens this request cost
 * @param rateLimit the client's quotas after this request
 */
public record PisanoPeriod(long m, long period, long cost, RateLimitStatus rateLimit) {}
