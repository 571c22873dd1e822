package io.fibonacci.infrastructure.observability;

import io.fibonacci.application.port.out.sequence.StreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code fibonacci_sequence_streams_active} (gauge), {@code fibonacci_sequence_rows_total} and
 * {@code fibonacci_sequence_streams_total{outcome="completed"|"closed_early"}}: what streams do,
 * and that one whose reader went away stops making rows.
 */
public final class MicrometerStreamObserver implements StreamObserver {

  private final AtomicInteger active = new AtomicInteger();
  private final Counter rows;
  private final Counter completed;
  private final Counter closedEarly;

  public MicrometerStreamObserver(MeterRegistry registry) {
    Gauge.builder("fibonacci.sequence.streams.active", active, AtomicInteger::get)
        .description("Sequence streams being written")
        .register(registry);
    rows =
        Counter.builder("fibonacci.sequence.rows")
            .description("Rows made for sequence streams")
            .register(registry);
    completed = outcome(registry, "completed");
    closedEarly = outcome(registry, "closed_early");
  }

  private static Counter outcome(MeterRegistry registry, String outcome) {
    return Counter.builder("fibonacci.sequence.streams")
        .description("Sequence streams ended, by whether every row was written")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void opened() {
    active.incrementAndGet();
  }

  @Override
  public void produced() {
    rows.increment();
  }

  @Override
  public void closed(boolean finished) {
    active.decrementAndGet();
    (finished ? completed : closedEarly).increment();
  }
}
