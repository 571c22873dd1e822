package io.fibonacci.application.service.sequence;

import io.fibonacci.application.port.in.sequence.SequenceItem;
import io.fibonacci.application.port.in.sequence.SequenceQuery;
import io.fibonacci.application.port.in.sequence.SequenceStream;
import io.fibonacci.application.port.in.sequence.StreamSequenceUseCase;
import io.fibonacci.application.port.out.sequence.StreamObserver;
import io.fibonacci.application.service.RequestAdmission;
import io.fibonacci.domain.calculator.SequenceRun;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.sequence.SequenceOrder;
import io.fibonacci.domain.model.sequence.SequenceRange;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A stream of the sequence: validates the range, plans the rows that fit under 256 MiB, charges
 * their bytes up front, takes the first two values from the cache (or the calculator), then hands
 * out one value per {@link SequenceStream#next()}, each by one addition.
 */
public final class StreamSequenceService implements StreamSequenceUseCase {

  private final SequenceSettings settings;
  private final RequestAdmission admission;
  private final SequenceStart start;
  private final StreamObserver observer;

  public StreamSequenceService(
      SequenceSettings settings,
      RequestAdmission admission,
      SequenceStart start,
      StreamObserver observer) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.admission = Objects.requireNonNull(admission, "admission");
    this.start = Objects.requireNonNull(start, "start");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  @Override
  public CompletionStage<SequenceStream> stream(SequenceQuery query) {
    SequenceRange asked;
    ClientKey client;
    try {
      asked =
          SequenceRange.of(
              query.start(),
              query.limit(),
              SequenceOrder.parse(query.order()),
              settings.maxN(),
              SequenceSettings.MAX_STREAM_ROWS,
              SequenceSettings.DEFAULT_LIMIT);
      client = ClientKey.of(query.client());
    } catch (RuntimeException invalid) {
      return CompletableFuture.failedFuture(invalid);
    }
    SequencePlan plan = SequencePlan.of(asked, SequenceSettings.MAX_STREAM_BYTES);
    return admission.admitThen(
        client,
        settings.costOf(plan.bytes()),
        admitted ->
            start
                .runOf(plan.range())
                .thenApply(
                    run -> {
                      observer.opened();
                      Rows rows = new Rows(plan.range(), run, observer);
                      return new SequenceStream(
                          rows, rows::close, admitted.cost(), admitted.rateLimit());
                    }));
  }

  /** The planned rows, one addition each, as the reader asks for them. */
  private static final class Rows implements Iterator<SequenceItem> {

    private final SequenceRange range;
    private final SequenceRun run;
    private final StreamObserver observer;
    private int produced;
    private volatile boolean closed;

    Rows(SequenceRange range, SequenceRun run, StreamObserver observer) {
      this.range = range;
      this.run = run;
      this.observer = observer;
    }

    @Override
    public boolean hasNext() {
      return !closed && produced < range.count();
    }

    @Override
    public SequenceItem next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the run has " + range.count() + " values");
      }
      SequenceItem item = new SequenceItem(range.positionAt(produced), run.next());
      produced++;
      observer.produced();
      return item;
    }

    synchronized void close() {
      if (!closed) {
        closed = true;
        observer.closed(produced == range.count());
      }
    }
  }
}
