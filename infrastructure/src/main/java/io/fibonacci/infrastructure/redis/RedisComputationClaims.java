package io.fibonacci.infrastructure.redis;

import static io.fibonacci.infrastructure.redis.RedisFailures.translated;

import io.fibonacci.application.port.out.jobs.ComputationClaims;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.JobId;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Claims on computing a value, shared by every instance: {@code <prefix>computing:<n>} holds the id
 * of the job computing F(n), with the lease as its time to live. Claiming and releasing are each
 * one script, so two workers never both hold a claim.
 */
public final class RedisComputationClaims implements ComputationClaims {

  private static final LuaScript CLAIM = LuaScript.load("job-claim.lua");
  private static final LuaScript RELEASE = LuaScript.load("job-release.lua");

  private final RedisLink link;
  private final String prefix;

  public RedisComputationClaims(RedisLink link, String keyPrefix) {
    this.link = Objects.requireNonNull(link, "link");
    this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
  }

  @Override
  public CompletableFuture<JobId> claim(Position position, JobId job, Duration lease) {
    byte[][] keys = {key(position)};
    return translated(
        link.commands()
            .thenCompose(
                commands ->
                    CLAIM.<byte[]>run(
                        commands,
                        ScriptOutputType.VALUE,
                        keys,
                        ascii(job.value()),
                        ascii(Long.toString(lease.toMillis()))))
            .thenApply(holder -> new JobId(new String(holder, StandardCharsets.US_ASCII))));
  }

  @Override
  public CompletableFuture<Void> release(Position position, JobId job) {
    byte[][] keys = {key(position)};
    return translated(
        link.commands()
            .thenCompose(
                commands ->
                    RELEASE.<Long>run(commands, ScriptOutputType.INTEGER, keys, ascii(job.value())))
            .thenApply(released -> null));
  }

  private byte[] key(Position position) {
    return ascii(prefix + "computing:" + position.value());
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
