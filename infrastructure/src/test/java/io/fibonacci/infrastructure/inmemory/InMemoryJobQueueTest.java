package io.fibonacci.infrastructure.inmemory;

import io.fibonacci.application.port.out.jobs.JobQueue;
import io.fibonacci.infrastructure.contract.JobQueueContract;

class InMemoryJobQueueTest extends JobQueueContract {

  @Override
  protected JobQueue queue(int capacity) {
    return new InMemoryJobQueue(capacity, java.time.Clock.systemUTC());
  }
}
