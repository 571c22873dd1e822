package io.fibonacci.application.service.jobs;

import io.fibonacci.application.port.out.jobs.ComputationClaims;
import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.application.port.out.jobs.JobsUnavailableException;
import io.fibonacci.domain.model.FibonacciNumber;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.shared.Nullable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Plain, deterministic stand-ins for the job out-ports. */
final class JobFakes {

  private JobFakes() {}

  static final class Store implements JobStore {
    final Map<JobId, Job> jobs = new ConcurrentHashMap<>();
    final List<Double> savedProgress = new CopyOnWriteArrayList<>();
    private final Map<String, IdempotencyClaim> keys = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Void> save(Job job) {
      jobs.put(job.id(), job);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Optional<Job>> find(JobId id) {
      return CompletableFuture.completedFuture(Optional.ofNullable(jobs.get(id)));
    }

    @Override
    public synchronized CompletableFuture<Optional<Job>> update(
        JobId id, UnaryOperator<Job> change) {
      Job current = jobs.get(id);
      if (current == null) {
        return CompletableFuture.completedFuture(Optional.empty());
      }
      try {
        Job next = change.apply(current);
        jobs.put(id, next);
        savedProgress.add(next.progress());
        return CompletableFuture.completedFuture(Optional.of(next));
      } catch (RuntimeException refused) {
        return CompletableFuture.failedFuture(refused);
      }
    }

    @Override
    public CompletableFuture<Void> remove(JobId id) {
      jobs.remove(id);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Integer> activeJobsOf(ClientKey owner) {
      int active =
          (int)
              jobs.values().stream()
                  .filter(job -> job.isOwnedBy(owner) && !job.status().isFinished())
                  .count();
      return CompletableFuture.completedFuture(active);
    }

    @Override
    public CompletableFuture<Optional<IdempotencyClaim>> findKey(ClientKey owner, String key) {
      return CompletableFuture.completedFuture(Optional.ofNullable(keys.get(owner + "/" + key)));
    }

    @Override
    public CompletableFuture<Optional<IdempotencyClaim>> claimKey(
        ClientKey owner, String key, String fingerprint, JobId candidate) {
      IdempotencyClaim earlier =
          keys.putIfAbsent(owner + "/" + key, new IdempotencyClaim(candidate, fingerprint));
      return CompletableFuture.completedFuture(Optional.ofNullable(earlier));
    }
  }

  static final class Queue implements JobQueue {
    final BlockingQueue<Delivery> waiting;
    final List<Delivery> acknowledged = new CopyOnWriteArrayList<>();
    final List<Delivery> renewed = new CopyOnWriteArrayList<>();
    final List<String> deadLetters = new CopyOnWriteArrayList<>();
    volatile boolean unreachable;

    Queue(int capacity) {
      waiting = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public CompletableFuture<Boolean> offer(JobId job, @Nullable String origin) {
      if (unreachable) {
        return CompletableFuture.failedFuture(new IllegalStateException("queue unreachable"));
      }
      return CompletableFuture.completedFuture(
          waiting.offer(new Delivery(job, 1, job.value(), origin)));
    }

    @Override
    public Optional<Delivery> take(Duration wait) throws InterruptedException {
      return Optional.ofNullable(waiting.poll(wait.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Hands the job out again as if its worker had died: the next delivery's attempt. */
    void redeliver(Delivery delivery) {
      waiting.add(delivery.again());
    }

    /** Whether another worker has taken the deliveries over (a renewal then fails). */
    volatile boolean takenOver;

    @Override
    public boolean renew(Delivery delivery) {
      renewed.add(delivery);
      return !takenOver;
    }

    @Override
    public void retry(Delivery delivery) {
      redeliver(delivery);
    }

    @Override
    public void deadLetter(Delivery delivery, String reason) {
      deadLetters.add(delivery.job() + ": " + reason);
    }

    @Override
    public void acknowledge(Delivery delivery) {
      acknowledged.add(delivery);
    }

    @Override
    public CompletableFuture<Backlog> backlog() {
      return CompletableFuture.completedFuture(new Backlog(waiting.size(), null));
    }
  }

  /** Claims that never lapse unless {@link #expire} says so. */
  static final class Claims implements ComputationClaims {
    final Map<Position, JobId> holders = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<JobId> claim(Position position, JobId job, Duration lease) {
      return CompletableFuture.completedFuture(holders.computeIfAbsent(position, p -> job));
    }

    @Override
    public CompletableFuture<Void> release(Position position, JobId job) {
      holders.remove(position, job);
      return CompletableFuture.completedFuture(null);
    }

    void expire(Position position) {
      holders.remove(position);
    }
  }

  static final class Results implements JobResultStore {
    final Map<Position, FibonacciNumber> values = new ConcurrentHashMap<>();

    /** Saves still to fail as a store that cannot be reached fails (a failover, say). */
    final AtomicInteger unreachableSaves = new AtomicInteger();

    @Override
    public CompletableFuture<Void> save(FibonacciNumber value) {
      if (unreachableSaves.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        return CompletableFuture.failedFuture(new JobsUnavailableException(5, "failing over"));
      }
      values.put(value.position(), value);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Optional<FibonacciNumber>> find(Position position) {
      return CompletableFuture.completedFuture(Optional.ofNullable(values.get(position)));
    }
  }
}
