package io.fibonacci.infrastructure.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.domain.model.Position;
import org.junit.jupiter.api.Test;

/** What every {@link JobResultStore} does; each adapter's test extends this. */
public abstract class JobResultStoreContract {

  /** A fresh, empty store. */
  protected abstract JobResultStore store();

  @Test
  void readsBackTheDigitsItStored() {
    JobResultStore store = store();
    var value = FibonacciNumbers.of(20_000);

    store.save(value).join();

    assertThat(store.find(Position.of(20_000)).join()).contains(value);
    assertThat(store.find(Position.of(20_001)).join()).isEmpty();
  }

  @Test
  void keepsOneValuePerPosition() {
    JobResultStore store = store();

    store.save(FibonacciNumbers.of(50)).join();
    store.save(FibonacciNumbers.of(50)).join();

    assertThat(store.find(Position.of(50)).join().orElseThrow().decimal()).isEqualTo("12586269025");
  }
}
