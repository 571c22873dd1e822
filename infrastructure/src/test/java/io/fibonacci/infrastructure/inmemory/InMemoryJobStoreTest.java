package io.fibonacci.infrastructure.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.jobs.JobStore;
import io.fibonacci.domain.model.Position;
import io.fibonacci.domain.model.job.Job;
import io.fibonacci.domain.model.job.JobId;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.infrastructure.contract.JobStoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InMemoryJobStoreTest extends JobStoreContract {

  @Override
  protected JobStore store() {
    return new InMemoryJobStore(Duration.ofHours(1), 1_000);
  }

  @Test
  void neverEvictsAnActiveJobToMakeRoomForFinishedOnes() {
    var store = new InMemoryJobStore(Duration.ofHours(1), 2);
    var random = new SplittableRandom(3);
    Instant now = Instant.parse("2026-12-01T10:00:00Z");
    ClientKey owner = ClientKey.of("192.0.2.1");
    Job active = Job.submitted(JobId.random(random), Position.of(9), owner, now);
    store.save(active).join();

    for (int i = 0; i < 50; i++) {
      store
          .save(Job.submitted(JobId.random(random), Position.of(i), owner, now).cancel(now))
          .join();
    }

    assertThat(store.find(active.id()).join()).contains(active);
  }
}
