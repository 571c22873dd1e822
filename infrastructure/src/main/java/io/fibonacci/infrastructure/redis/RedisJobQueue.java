package io.fibonacci.infrastructure.redis;

import static io.fibonacci.infrastructure.redis.RedisFailures.await;
import static io.fibonacci.infrastructure.redis.RedisFailures.translated;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.shared.Nullable;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The jobs of every instance in one Redis Stream, read through one consumer group by every worker
 * of every instance. An entry is acknowledged ({@code XACK}) and deleted only once its job's
 * outcome is stored, so a delivered entry outlives a worker that dies with it: once it has been
 * idle for longer than the lease, the next worker to look for work reclaims it ({@code XAUTOCLAIM},
 * which counts the delivery). A live worker renews its lease while it computes, and hands an entry
 * back for another attempt by making it reclaimable at once. Given-up entries go to a dead-letter
 * stream. Each script is atomic, so no two workers ever hold one entry.
 *
 * <p>Reads do not block the shared connection: a worker polls every {@link #POLL} until its wait is
 * over. Every lease or so, a worker forgets the consumers of workers that stopped long ago with
 * nothing pending, so the group's consumers do not pile up as pods come and go.
 *
 * <p>Keys: {@code <prefix>{queue}} (the stream) and {@code <prefix>{queue}:dead} (dead letters),
 * one hash slot for both.
 */
public final class RedisJobQueue implements JobQueue {

  static final String GROUP = "workers";

  /** The hash tag of the stream and its dead letters: one cluster slot for both. */
  static final String SLOT_TAG = "{queue}";

  static final Duration POLL = Duration.ofMillis(100);

  /** Dead letters kept (about: the stream is trimmed with {@code MAXLEN ~}). */
  static final int DEAD_LETTERS_KEPT = 10_000;

  /** Idle leases after which a consumer with nothing pending counts as stopped. */
  private static final int LEASES_BEFORE_FORGOTTEN = 10;

  private static final LuaScript OFFER = LuaScript.load("job-offer.lua");
  private static final LuaScript TAKE = LuaScript.load("job-take.lua");
  private static final LuaScript HOLD = LuaScript.load("job-hold.lua");
  private static final LuaScript DONE = LuaScript.load("job-done.lua");
  private static final LuaScript BACKLOG = LuaScript.load("job-backlog.lua");
  private static final LuaScript FORGET = LuaScript.load("job-forget-consumers.lua");

  private final RedisLink link;
  private final byte[] stream;
  private final byte[] deadLetters;
  private final int capacity;
  private final String consumer;
  private final AtomicInteger workers = new AtomicInteger();
  private final ThreadLocal<byte[]> workerConsumer;
  private final Duration lease;
  private final AtomicLong nextForget = new AtomicLong();

  /**
   * @param consumer this instance's name, new for each process, so that a restarted pod never takes
   *     over a dead one's entries except by reclaiming; each worker thread is a consumer of its own
   *     in the group ({@code <consumer>-<n>}), since a lease belongs to one worker
   * @param lease how long an entry stays its worker's without renewal
   */
  public RedisJobQueue(
      RedisLink link, String keyPrefix, int capacity, String consumer, Duration lease) {
    this.link = Objects.requireNonNull(link, "link");
    this.stream = utf8(keyPrefix + SLOT_TAG);
    this.deadLetters = utf8(keyPrefix + SLOT_TAG + ":dead");
    if (capacity < 1) {
      throw new IllegalArgumentException("a queue holds at least one job, got " + capacity);
    }
    this.capacity = capacity;
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.workerConsumer =
        ThreadLocal.withInitial(() -> utf8(consumer + "-" + workers.incrementAndGet()));
    this.lease = Objects.requireNonNull(lease, "lease");
    this.nextForget.set(System.nanoTime());
  }

  @Override
  public CompletableFuture<Boolean> offer(JobId job, @Nullable String origin) {
    byte[][] keys = {stream};
    return translated(
        link.commands()
            .thenCompose(
                commands ->
                    OFFER.<Long>run(
                        commands,
                        ScriptOutputType.INTEGER,
                        keys,
                        ascii(Integer.toString(capacity)),
                        ascii(job.value()),
                        ascii(Long.toString(10L * capacity + 1_000)),
                        ascii(origin == null ? "" : origin)))
            .thenApply(queued -> queued != null && queued == 1L));
  }

  @Override
  public Optional<Delivery> take(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    forgetStoppedConsumers();
    while (true) {
      Optional<Delivery> next = nextDelivery();
      if (next.isPresent() || System.nanoTime() >= deadline) {
        return next;
      }
      Thread.sleep(
          Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }
  }

  private Optional<Delivery> nextDelivery() {
    byte[][] keys = {stream};
    List<Object> reply =
        await(
            link.commands()
                .thenCompose(
                    commands ->
                        TAKE.<List<Object>>run(
                            commands,
                            ScriptOutputType.MULTI,
                            keys,
                            ascii(GROUP),
                            workerConsumer.get(),
                            ascii(Long.toString(lease.toMillis())))));
    if (reply == null || reply.size() < 4) {
      return Optional.empty();
    }
    String receipt = text(reply.get(0));
    String job = text(reply.get(1));
    int attempt = (int) Math.min(Integer.MAX_VALUE, (Long) reply.get(2));
    String origin = text(reply.get(3));
    if (job.isEmpty() || !JobId.isWellFormed(job)) {
      // Not an entry this queue wrote: drop it rather than hand it on forever.
      done(receipt, null, 0, "");
      return Optional.empty();
    }
    return Optional.of(
        new Delivery(new JobId(job), attempt, receipt, origin.isEmpty() ? null : origin));
  }

  @Override
  public void acknowledge(Delivery delivery) {
    done(delivery.receipt(), null, 0, "");
  }

  @Override
  public boolean renew(Delivery delivery) {
    return hold(delivery, 0);
  }

  @Override
  public void retry(Delivery delivery) {
    hold(delivery, lease.toMillis());
  }

  @Override
  public void deadLetter(Delivery delivery, String reason) {
    done(delivery.receipt(), delivery.job(), delivery.attempt(), reason);
  }

  @Override
  public CompletableFuture<Backlog> backlog() {
    byte[][] keys = {stream};
    return translated(
        link.commands()
            .thenCompose(
                commands ->
                    BACKLOG.<List<Object>>run(commands, ScriptOutputType.MULTI, keys, ascii(GROUP)))
            .thenApply(
                reply -> {
                  long waiting = Math.max(0, (Long) reply.get(0));
                  String oldest = text(reply.get(1));
                  return new Backlog(waiting, oldest.isEmpty() ? null : timeOf(oldest));
                }));
  }

  /** The dead letters kept, oldest first: what was given up and why (for operators and tests). */
  public List<DeadLetter> deadLetters() {
    return await(
        link.commands()
            .thenCompose(
                commands ->
                    commands.xrange(deadLetters, Range.create("-", "+")).toCompletableFuture())
            .thenApply(
                entries ->
                    entries.stream()
                        .map(
                            entry -> {
                              var fields = new HashMap<String, String>();
                              entry.getBody().forEach((k, v) -> fields.put(text(k), text(v)));
                              return new DeadLetter(
                                  new JobId(fields.getOrDefault("job", "")),
                                  Integer.parseInt(fields.getOrDefault("attempts", "0")),
                                  fields.getOrDefault("reason", ""));
                            })
                        .toList()));
  }

  /** One given-up job. */
  public record DeadLetter(JobId job, int attempts, String reason) {}

  private boolean hold(Delivery delivery, long idleMillis) {
    byte[][] keys = {stream};
    Long held =
        await(
            link.commands()
                .thenCompose(
                    commands ->
                        HOLD.<Long>run(
                            commands,
                            ScriptOutputType.INTEGER,
                            keys,
                            ascii(GROUP),
                            workerConsumer.get(),
                            ascii(delivery.receipt()),
                            ascii(Long.toString(idleMillis)))));
    return held != null && held == 1L;
  }

  private void done(String receipt, @Nullable JobId job, int attempt, String reason) {
    byte[][] keys = {stream, deadLetters};
    byte[][] arguments =
        job == null
            ? new byte[][] {ascii(GROUP), ascii(receipt)}
            : new byte[][] {
              ascii(GROUP),
              ascii(receipt),
              ascii(job.value()),
              ascii(Integer.toString(attempt)),
              utf8(reason),
              ascii(Integer.toString(DEAD_LETTERS_KEPT))
            };
    await(
        link.commands()
            .thenCompose(
                commands -> DONE.<Long>run(commands, ScriptOutputType.INTEGER, keys, arguments)));
  }

  private void forgetStoppedConsumers() {
    long now = System.nanoTime();
    long due = nextForget.get();
    if (now - due < 0 || !nextForget.compareAndSet(due, now + lease.toNanos())) {
      return;
    }
    byte[][] keys = {stream};
    await(
        link.commands()
            .thenCompose(
                commands ->
                    FORGET.<Long>run(
                        commands,
                        ScriptOutputType.INTEGER,
                        keys,
                        ascii(GROUP),
                        workerConsumer.get(),
                        ascii(Long.toString(LEASES_BEFORE_FORGOTTEN * lease.toMillis())))));
  }

  /** When an entry was added: the first part of its id, in Redis's milliseconds. */
  private static Instant timeOf(String entryId) {
    int dash = entryId.indexOf('-');
    return Instant.ofEpochMilli(Long.parseLong(dash < 0 ? entryId : entryId.substring(0, dash)));
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(value);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
