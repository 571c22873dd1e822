package io.fibonacci.domain.model.ratelimit;

/**
 * What {@link RateLimitPolicy#decide} returns: the decision for the client, and the state a store
 * keeps for the client's next request (the same state when the request was refused).
 */
public record RateLimitOutcome(RateLimitDecision decision, LimitState next) {}
