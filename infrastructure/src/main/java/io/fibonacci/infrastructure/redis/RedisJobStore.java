package io.fibonacci.infrastructure.redis;

import static io.fibonacci.infrastructure.redis.RedisFailures.translated;

import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.job.JobStatus;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.shared.Nullable;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The jobs of every instance on one Redis: each job one string key (its state, line by line), a set
 * per owner of the active job ids, and idempotency claims as keys set only if absent. Every key
 * expires {@code ttl} after its last change (a job that never finishes is not kept forever). A
 * change is a compare-and-swap in one script ({@code job-save.lua}), retried when another came
 * first, so a cancel and a worker's progress never overwrite each other.
 *
 * <p>Keys: {@code jobs:v1:job:<id>}, {@code jobs:v1:active:<owner>}, {@code jobs:v1:claim:<owner
 * length>:<owner>:<key>}. On a Redis Cluster the prefix is {@link #inQueueSlot(String)}'s: a script
 * touches a job and its owner's set (and {@code job-active.lua} the jobs of a set), so they must
 * share a slot, the queue's, where a job's state also fails over with its stream entry. Jobs are
 * few and long (seconds of computation each), so one slot carries them easily; their results,
 * megabytes each, stay spread over the cluster.
 */
public final class RedisJobStore implements JobStore {

  /** The prefix of every key in production. */
  public static final String KEY_PREFIX = "jobs:v1:";

  /**
   * The prefix of a job store whose keys share the slot of {@link RedisJobQueue}'s stream under
   * {@code keyPrefix}: its hash tag.
   */
  public static String inQueueSlot(String keyPrefix) {
    return keyPrefix + RedisJobQueue.SLOT_TAG + ":";
  }

  private static final LuaScript SAVE = LuaScript.load("job-save.lua");
  private static final LuaScript REMOVE = LuaScript.load("job-remove.lua");
  private static final LuaScript ACTIVE = LuaScript.load("job-active.lua");

  /** Enough for hundreds of concurrent writers of one job; a job has two at most in practice. */
  private static final int MAX_SWAPS = 1_000;

  private static final String FORMAT = "v1";

  private final RedisLink link;
  private final String prefix;
  private final Duration ttl;

  public RedisJobStore(RedisLink link, String keyPrefix, Duration ttl) {
    this.link = Objects.requireNonNull(link, "link");
    this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  @Override
  public CompletableFuture<Void> save(Job job) {
    return translated(store("save", new byte[0], job).thenApply(stored -> null));
  }

  @Override
  public CompletableFuture<Optional<Job>> find(JobId id) {
    return translated(
        read(id).thenApply(encoded -> Optional.ofNullable(encoded).map(RedisJobStore::decode)));
  }

  @Override
  public CompletableFuture<Optional<Job>> update(JobId id, UnaryOperator<Job> change) {
    return translated(swap(id, change, 1));
  }

  private CompletableFuture<Optional<Job>> swap(JobId id, UnaryOperator<Job> change, int attempt) {
    return read(id)
        .thenCompose(
            encoded -> {
              if (encoded == null) {
                return CompletableFuture.completedFuture(Optional.<Job>empty());
              }
              Job next;
              try {
                next = change.apply(decode(encoded));
              } catch (RuntimeException refused) {
                return CompletableFuture.failedFuture(refused);
              }
              return store("swap", encoded, next)
                  .thenCompose(
                      stored -> {
                        if (stored) {
                          return CompletableFuture.completedFuture(Optional.of(next));
                        }
                        if (attempt >= MAX_SWAPS) {
                          return CompletableFuture.failedFuture(
                              new IllegalStateException("job " + id + " changed too often"));
                        }
                        return swap(id, change, attempt + 1);
                      });
            });
  }

  @Override
  public CompletableFuture<Void> remove(JobId id) {
    return translated(remove(id, find(id)));
  }

  private CompletableFuture<Void> remove(JobId id, CompletableFuture<Optional<Job>> job) {
    return job.thenCompose(
        found ->
            link.commands()
                .thenCompose(
                    commands -> {
                      if (found.isEmpty()) {
                        return commands
                            .del(jobKey(id))
                            .toCompletableFuture()
                            .thenApply(count -> (Void) null);
                      }
                      byte[][] keys = {jobKey(id), activeKey(found.get().owner())};
                      return REMOVE
                          .<Long>run(commands, ScriptOutputType.INTEGER, keys, ascii(id.value()))
                          .thenApply(removed -> (Void) null);
                    }));
  }

  @Override
  public CompletableFuture<Integer> activeJobsOf(ClientKey owner) {
    byte[][] keys = {activeKey(owner)};
    return translated(
        link.commands()
            .thenCompose(
                commands ->
                    ACTIVE.<Long>run(
                        commands, ScriptOutputType.INTEGER, keys, ascii(prefix + "job:")))
            .thenApply(Long::intValue));
  }

  @Override
  public CompletableFuture<Optional<IdempotencyClaim>> findKey(ClientKey owner, String key) {
    return translated(
        link.commands()
            .thenCompose(commands -> commands.get(claimKey(owner, key)).toCompletableFuture())
            .thenApply(value -> Optional.ofNullable(value).map(RedisJobStore::claimOf)));
  }

  @Override
  public CompletableFuture<Optional<IdempotencyClaim>> claimKey(
      ClientKey owner, String key, String fingerprint, JobId candidate) {
    byte[] claim = (candidate.value() + "\n" + fingerprint).getBytes(StandardCharsets.UTF_8);
    return translated(claim(owner, key, claim));
  }

  private CompletableFuture<Optional<IdempotencyClaim>> claim(
      ClientKey owner, String key, byte[] claim) {
    return link.commands()
        .thenCompose(
            commands ->
                commands
                    .set(claimKey(owner, key), claim, SetArgs.Builder.nx().px(ttl.toMillis()))
                    .toCompletableFuture()
                    .thenCompose(
                        ok ->
                            "OK".equals(ok)
                                ? CompletableFuture.completedFuture(
                                    Optional.<IdempotencyClaim>empty())
                                : findKey(owner, key)));
  }

  private CompletableFuture<byte[]> read(JobId id) {
    return link.commands().thenCompose(commands -> commands.get(jobKey(id)).toCompletableFuture());
  }

  private CompletableFuture<Boolean> store(String mode, byte[] expected, Job job) {
    byte[][] keys = {jobKey(job.id()), activeKey(job.owner())};
    byte[][] arguments = {
      ascii(mode),
      expected,
      encode(job),
      ascii(job.status().isFinished() ? "0" : "1"),
      ascii(Long.toString(ttl.toMillis())),
      ascii(job.id().value())
    };
    return link.commands()
        .thenCompose(
            commands -> SAVE.<Long>run(commands, ScriptOutputType.INTEGER, keys, arguments))
        .thenApply(stored -> stored != null && stored == 1L);
  }

  private byte[] jobKey(JobId id) {
    return ascii(prefix + "job:" + id.value());
  }

  private byte[] activeKey(ClientKey owner) {
    return (prefix + "active:" + owner.value()).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] claimKey(ClientKey owner, String key) {
    return (prefix + "claim:" + owner.value().length() + ":" + owner.value() + ":" + key)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The job line by line; the error, which may hold anything, comes last. */
  static byte[] encode(Job job) {
    String text =
        String.join(
            "\n",
            FORMAT,
            job.id().value(),
            Integer.toString(job.position().value()),
            job.owner().value(),
            job.status().name(),
            job.createdAt().toString(),
            orEmpty(job.startedAt()),
            orEmpty(job.finishedAt()),
            Double.toString(job.progress()),
            job.digits() == null ? "" : Integer.toString(job.digits()),
            job.error() == null ? "" : "!" + job.error());
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Job decode(byte[] bytes) {
    String[] fields = new String(bytes, StandardCharsets.UTF_8).split("\n", 11);
    if (fields.length != 11 || !fields[0].equals(FORMAT)) {
      throw new IllegalStateException("not a job of this version: " + fields[0]);
    }
    return new Job(
        new JobId(fields[1]),
        Position.of(Integer.parseInt(fields[2])),
        ClientKey.of(fields[3]),
        JobStatus.valueOf(fields[4]),
        Instant.parse(fields[5]),
        fields[6].isEmpty() ? null : Instant.parse(fields[6]),
        fields[7].isEmpty() ? null : Instant.parse(fields[7]),
        Double.parseDouble(fields[8]),
        fields[9].isEmpty() ? null : Integer.valueOf(fields[9]),
        fields[10].isEmpty() ? null : fields[10].substring(1));
  }

  private static IdempotencyClaim claimOf(byte[] value) {
    String[] parts = new String(value, StandardCharsets.UTF_8).split("\n", 2);
    return new IdempotencyClaim(new JobId(parts[0]), parts.length > 1 ? parts[1] : "");
  }

  private static String orEmpty(@Nullable Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
