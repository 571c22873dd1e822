package io.fibonacci.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.application.port.out.jobs.JobStore.IdempotencyClaim;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.job.JobStatus;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** What every {@link JobStore} does; each adapter's test extends this. */
public abstract class JobStoreContract {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final ClientKey ALICE = ClientKey.of("192.0.2.1");
  private static final ClientKey BOB = ClientKey.of("198.51.100.7");
  private final SplittableRandom random = new SplittableRandom();

  /** A fresh, empty store. */
  protected abstract JobStore store();

  private Job queued(ClientKey owner) {
    return Job.submitted(JobId.random(random), Position.of(123_456), owner, T0);
  }

  @Test
  void findsWhatItSavedAndForgetsWhatItRemoved() {
    JobStore store = store();
    Job job = queued(ALICE).start(T0.plusSeconds(1)).progressed(0.5);

    store.save(job).join();
    var found = store.find(job.id()).join();
    store.remove(job.id()).join();

    assertThat(found).contains(job);
    assertThat(store.find(job.id()).join()).isEmpty();
    assertThat(store.find(JobId.random(random)).join()).isEmpty();
  }

  @Test
  void countsOnlyTheQueuedAndRunningJobsOfAnOwner() {
    JobStore store = store();
    store.save(queued(ALICE)).join();
    store.save(queued(ALICE).start(T0)).join();
    store.save(queued(ALICE).cancel(T0)).join();
    store.save(queued(BOB)).join();

    assertThat(store.activeJobsOf(ALICE).join()).isEqualTo(2);
    assertThat(store.activeJobsOf(BOB).join()).isEqualTo(1);
    assertThat(store.activeJobsOf(ClientKey.of("203.0.113.1")).join()).isZero();
  }

  @Test
  void updatesAtomicallySoNoChangeIsLost() throws Exception {
    JobStore store = store();
    Job job = queued(ALICE).start(T0);
    store.save(job).join();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<CompletableFuture<?>> updates = new ArrayList<>();

    for (int i = 1; i <= 200; i++) {
      double fraction = i / 1000.0;
      updates.add(
          CompletableFuture.supplyAsync(
                  () -> store.update(job.id(), current -> current.progressed(fraction)), threads)
              .thenCompose(update -> update));
    }
    CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).join();
    threads.shutdown();

    assertThat(store.find(job.id()).join().orElseThrow().progress()).isEqualTo(0.2);
  }

  @Test
  void updatesNothingThatIsNotThereAndRefusesAnImpossibleTransition() {
    JobStore store = store();
    Job done = queued(ALICE).cancel(T0);
    store.save(done).join();

    assertThat(store.update(JobId.random(random), job -> job.start(T0)).join()).isEmpty();
    assertThatThrownBy(() -> store.update(done.id(), job -> job.start(T0)).join())
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(store.find(done.id()).join().orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void keepsTheFirstClaimOfAnIdempotencyKeyPerOwner() {
    JobStore store = store();
    JobId first = JobId.random(random);
    JobId second = JobId.random(random);

    var claimed = store.claimKey(ALICE, "key-1", "n=5", first).join();
    var again = store.claimKey(ALICE, "key-1", "n=6", second).join();
    var otherOwner = store.claimKey(BOB, "key-1", "n=6", second).join();

    assertThat(claimed).isEmpty();
    assertThat(again).contains(new IdempotencyClaim(first, "n=5"));
    assertThat(otherOwner).isEmpty();
    assertThat(store.findKey(ALICE, "key-1").join()).contains(new IdempotencyClaim(first, "n=5"));
    assertThat(store.findKey(ALICE, "key-2").join()).isEmpty();
  }
}
