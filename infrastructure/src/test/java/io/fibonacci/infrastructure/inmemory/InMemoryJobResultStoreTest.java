package io.fibonacci.infrastructure.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.domain.model.FibonacciNumbers;
import io.fibonacci.domain.model.Position;
import io.fibonacci.infrastructure.contract.JobResultStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryJobResultStoreTest extends JobResultStoreContract {

  @Override
  protected JobResultStore store() {
    return new InMemoryJobResultStore(Duration.ofHours(1), 1 << 20);
  }

  @Test
  void keepsNoValueLargerThanItsBudget() {
    var store = new InMemoryJobResultStore(Duration.ofHours(1), 1_000);

    store.save(FibonacciNumbers.of(20_000)).join();

    assertThat(store.find(Position.of(20_000)).join()).isEmpty();
  }
}
