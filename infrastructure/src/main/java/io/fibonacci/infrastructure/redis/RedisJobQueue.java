package io.fibonacci.infrastructure.redis;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.shared.Nullable;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The jobs of every instance in one Redis Stream, read through one consumer group by every worker
 * of every instance ({@code XREADGROUP}); an entry is acknowledged ({@code XACK}) and deleted only
 * once its job's outcome is stored, so a delivered entry outlives a worker that dies with it. Reads
 * do not block the shared connection: a worker polls every {@link #POLL} until its wait is over.
 *
 * <p>Not wired yet, and the reclaiming of a dead worker's entries ({@code XAUTOCLAIM} after a
 * lease), the delivery count and the dead-letter stream come with the rest of the Redis queue.
 */
public final class RedisJobQueue implements JobQueue {

  static final String GROUP = "workers";
  static final Duration POLL = Duration.ofMillis(100);

  private static final byte[] OFFER = load("job-offer.lua");
  private static final byte[] JOB_FIELD = "job".getBytes(StandardCharsets.US_ASCII);

  private final RedisLink link;
  private final byte[] stream;
  private final int capacity;
  private final String consumer;
  private volatile boolean groupReady;

  /**
   * @param consumer this worker's name in the group (one per instance: the names stay bounded)
   */
  public RedisJobQueue(RedisLink link, String keyPrefix, int capacity, String consumer) {
    this.link = Objects.requireNonNull(link, "link");
    this.stream = (keyPrefix + "queue").getBytes(StandardCharsets.UTF_8);
    if (capacity < 1) {
      throw new IllegalArgumentException("a queue holds at least one job, got " + capacity);
    }
    this.capacity = capacity;
    this.consumer = Objects.requireNonNull(consumer, "consumer");
  }

  @Override
  public CompletableFuture<Boolean> offer(JobId job) {
    byte[][] keys = {stream};
    byte[][] arguments = {ascii(Integer.toString(capacity)), ascii(job.value())};
    return link.commands()
        .thenCompose(
            commands ->
                commands
                    .<Long>eval(OFFER, ScriptOutputType.INTEGER, keys, arguments)
                    .toCompletableFuture())
        .thenApply(queued -> queued != null && queued == 1L);
  }

  @Override
  public Optional<Delivery> take(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Optional<Delivery> next = readOne().join();
      if (next.isPresent() || System.nanoTime() >= deadline) {
        return next;
      }
      Thread.sleep(
          Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }
  }

  private CompletableFuture<Optional<Delivery>> readOne() {
    return link.commands()
        .thenCompose(
            commands ->
                ensureGroup(commands)
                    .thenCompose(
                        ready ->
                            commands
                                .xreadgroup(
                                    Consumer.from(ascii(GROUP), ascii(consumer)),
                                    XReadArgs.Builder.count(1),
                                    XReadArgs.StreamOffset.lastConsumed(stream))
                                .toCompletableFuture()))
        .thenApply(RedisJobQueue::deliveryOf);
  }

  private static Optional<Delivery> deliveryOf(
      @Nullable List<StreamMessage<byte[], byte[]>> messages) {
    if (messages == null || messages.isEmpty()) {
      return Optional.empty();
    }
    StreamMessage<byte[], byte[]> message = messages.get(0);
    byte[] job = null;
    for (var field : message.getBody().entrySet()) {
      if (Arrays.equals(field.getKey(), JOB_FIELD)) {
        job = field.getValue();
      }
    }
    if (job == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Delivery(new JobId(new String(job, StandardCharsets.US_ASCII)), 1, message.getId()));
  }

  private CompletableFuture<Boolean> ensureGroup(RedisAsyncCommands<byte[], byte[]> commands) {
    if (groupReady) {
      return CompletableFuture.completedFuture(true);
    }
    return commands
        .xgroupCreate(
            XReadArgs.StreamOffset.from(stream, "0"),
            ascii(GROUP),
            XGroupCreateArgs.Builder.mkstream())
        .toCompletableFuture()
        .handle(
            (ok, failure) -> {
              Throwable cause =
                  failure instanceof CompletionException && failure.getCause() != null
                      ? failure.getCause()
                      : failure;
              if (cause != null && !(cause instanceof RedisBusyException)) {
                throw new CompletionException(cause);
              }
              groupReady = true;
              return true;
            });
  }

  @Override
  public void acknowledge(Delivery delivery) {
    link.commands()
        .thenCompose(
            commands ->
                commands
                    .xack(stream, ascii(GROUP), delivery.receipt())
                    .toCompletableFuture()
                    .thenCompose(
                        acked -> commands.xdel(stream, delivery.receipt()).toCompletableFuture()))
        .join();
  }

  @Override
  public Backlog backlog() {
    return link.commands()
        .thenCompose(
            commands ->
                commands
                    .xlen(stream)
                    .toCompletableFuture()
                    .thenCombine(
                        commands.xpending(stream, ascii(GROUP)).toCompletableFuture(),
                        (length, pending) ->
                            new Backlog(Math.max(0, length - pending.getCount()), null)))
        .exceptionally(failure -> new Backlog(0, null))
        .join();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] load(String resource) {
    try (InputStream in = RedisJobQueue.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
