package io.fibonacci.infrastructure.redis;

import static io.fibonacci.infrastructure.redis.RedisFailures.translated;

import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.lettuce.core.SetArgs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The values jobs computed, shared by every instance: the ASCII digits of F(n) under {@code
 * jobs:v1:result:<n>} with the result's time to live (F(10^8) is one 21 MB value; Redis holds up to
 * 512 MB in one). A value that does not read back as digits counts as absent.
 *
 * <p>Keys: {@code <prefix>result:<n>}.
 */
public final class RedisJobResultStore implements JobResultStore {

  private final RedisLink link;
  private final String prefix;
  private final Duration ttl;

  public RedisJobResultStore(RedisLink link, String keyPrefix, Duration ttl) {
    this.link = Objects.requireNonNull(link, "link");
    this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  @Override
  public CompletableFuture<Void> save(FibonacciNumber value) {
    ByteBuffer digits = value.digits();
    byte[] bytes = new byte[digits.remaining()];
    digits.get(bytes);
    return translated(
        link.commands()
            .thenCompose(
                commands ->
                    commands
                        .set(key(value.position()), bytes, SetArgs.Builder.px(ttl.toMillis()))
                        .toCompletableFuture())
            .thenApply(ok -> null));
  }

  @Override
  public CompletableFuture<Optional<FibonacciNumber>> find(Position position) {
    return translated(find(key(position), position));
  }

  private CompletableFuture<Optional<FibonacciNumber>> find(byte[] key, Position position) {
    return link.commands()
        .thenCompose(commands -> commands.get(key).toCompletableFuture())
        .thenApply(
            bytes -> {
              if (bytes == null) {
                return Optional.<FibonacciNumber>empty();
              }
              try {
                return Optional.of(FibonacciNumber.ofAsciiDigits(position, bytes));
              } catch (IllegalArgumentException malformed) {
                return Optional.<FibonacciNumber>empty();
              }
            });
  }

  private byte[] key(Position position) {
    return (prefix + "result:" + position.value()).getBytes(StandardCharsets.UTF_8);
  }
}
