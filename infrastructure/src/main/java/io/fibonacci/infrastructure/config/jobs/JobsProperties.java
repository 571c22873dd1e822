package io.fibonacci.infrastructure.config.jobs;

import static io.fibonacci.infrastructure.config.SettingChecks.require;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code fibonacci.jobs.*}: positions computed asynchronously, and the bounds of that work.
 *
 * @param maxN {@code fibonacci.jobs.max-n}: the largest position a job may ask for. At least 0,
 *     default 100000000 (F(10^8) has 20,898,764 digits).
 * @param workers {@code fibonacci.jobs.workers}: worker threads per instance, never the synchronous
 *     compute pool's; 1 or more, default 1.
 * @param maxActivePerClient {@code fibonacci.jobs.max-active-per-client}: queued or running jobs a
 *     client may have; 1 or more, default 2.
 * @param queueCapacity {@code fibonacci.jobs.queue-capacity}: jobs waiting for a worker; beyond it
 *     a submission gets 503. 1 or more, default 100.
 * @param resultTtl {@code fibonacci.jobs.result-ttl}: how long a finished job and its value are
 *     kept. Positive, default 24h.
 * @param resultMaxBytes {@code fibonacci.jobs.result-max-bytes}: the bytes of values the embedded
 *     result store keeps on the heap (the least recently used go first). At least 1, default 64
 *     MiB.
 * @param maxFinished {@code fibonacci.jobs.max-finished}: finished jobs the embedded store keeps.
 *     At least 1, default 100000.
 * @param maxAttempts {@code fibonacci.jobs.max-attempts}: deliveries of one job (a failed attempt,
 *     or a worker that died with it) before the job fails and goes to the dead letters. 1 or more,
 *     default 3.
 * @param lease {@code fibonacci.jobs.lease}: how long a worker holds a job without renewing it; a
 *     live worker renews every third of it, a dead one's job is handed on after it. At least 1s,
 *     default 30s.
 * @param shutdownGrace {@code fibonacci.jobs.shutdown-grace}: how long a stopping instance lets its
 *     workers finish the job at hand; what is not finished by then is handed on. 0 or more, default
 *     30s.
 */
@ConfigurationProperties("fibonacci.jobs")
public record JobsProperties(
    @Bindable(defaultValue = "100000000") int maxN,
    @Bindable(defaultValue = "1") int workers,
    @Bindable(defaultValue = "2") int maxActivePerClient,
    @Bindable(defaultValue = "100") int queueCapacity,
    @Bindable(defaultValue = "24h") Duration resultTtl,
    @Bindable(defaultValue = "67108864") long resultMaxBytes,
    @Bindable(defaultValue = "100000") long maxFinished,
    @Bindable(defaultValue = "3") int maxAttempts,
    @Bindable(defaultValue = "30s") Duration lease,
    @Bindable(defaultValue = "30s") Duration shutdownGrace) {

  public JobsProperties {
    require(maxN >= 0, "fibonacci.jobs.max-n", "0 or more", maxN);
    require(workers >= 1, "fibonacci.jobs.workers", "1 or more", workers);
    require(
        maxActivePerClient >= 1,
        "fibonacci.jobs.max-active-per-client",
        "1 or more",
        maxActivePerClient);
    require(queueCapacity >= 1, "fibonacci.jobs.queue-capacity", "1 or more", queueCapacity);
    require(
        resultTtl != null && resultTtl.isPositive(),
        "fibonacci.jobs.result-ttl",
        "a positive duration",
        resultTtl);
    require(resultMaxBytes >= 1, "fibonacci.jobs.result-max-bytes", "at least 1", resultMaxBytes);
    require(maxFinished >= 1, "fibonacci.jobs.max-finished", "at least 1", maxFinished);
    require(maxAttempts >= 1, "fibonacci.jobs.max-attempts", "1 or more", maxAttempts);
    require(
        lease != null && lease.compareTo(Duration.ofSeconds(1)) >= 0,
        "fibonacci.jobs.lease",
        "at least 1s",
        lease);
    require(
        shutdownGrace != null && !shutdownGrace.isNegative(),
        "fibonacci.jobs.shutdown-grace",
        "0s or more",
        shutdownGrace);
  }
}
