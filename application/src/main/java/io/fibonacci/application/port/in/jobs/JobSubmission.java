package io.fibonacci.application.port.in.jobs;

import io.fibonacci.application.port.in.RateLimitStatus;

/**
 * What a submission gave.
 *
 * @param job the job
 * @param created true for a new job, false for the one an idempotency key already named
 * @param cost the tokens charged (0 when nothing new was done)
 * @param rateLimit the client's quotas after the submission
 */
public record JobSubmission(JobView job, boolean created, long cost, RateLimitStatus rateLimit) {}
