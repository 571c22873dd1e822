package io.fibonacci.presentation.http.sequence;

import io.fibonacci.application.port.in.sequence.SequenceItem;
import io.fibonacci.application.port.in.sequence.SequenceStream;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The body of a stream: rows made only when the connection asks for more (Netty requests the next
 * chunk once the last one is written), in chunks of about 64 KiB, on a scheduler of their own. A
 * slow reader therefore holds no thread and makes nothing pile up in memory (one chunk and the
 * socket's buffers), the event loop computes no row, and a reader that goes away cancels the
 * stream, which stops making rows.
 */
@Singleton
final class SequenceStreamer {

  /** Rows are gathered into writes of about this size (a larger row is one write on its own). */
  static final int CHUNK_BYTES = 64 * 1024;

  private final Scheduler scheduler =
      Schedulers.newBoundedElastic(
          2 * Runtime.getRuntime().availableProcessors(), 10_000, "sequence-stream", 60, true);

  Flux<byte[]> body(SequenceStream stream, SequenceForm form) {
    return Flux.<byte[], Chunks>generate(
            () -> new Chunks(form == SequenceForm.CSV),
            (chunks, sink) -> {
              ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + 1024);
              if (chunks.headerPending) {
                chunk.write(SequenceRows.CSV_HEADER, 0, SequenceRows.CSV_HEADER.length);
                chunks.headerPending = false;
              }
              while (chunk.size() < CHUNK_BYTES) {
                Optional<SequenceItem> item = stream.next();
                if (item.isEmpty()) {
                  if (chunk.size() > 0) {
                    sink.next(chunk.toByteArray());
                  }
                  sink.complete();
                  return chunks;
                }
                SequenceRows.row(chunk, item.get(), form);
              }
              sink.next(chunk.toByteArray());
              return chunks;
            },
            chunks -> stream.close())
        .subscribeOn(scheduler);
  }

  @PreDestroy
  void close() {
    scheduler.dispose();
  }

  /** What the generator remembers between chunks. */
  private static final class Chunks {
    boolean headerPending;

    Chunks(boolean headerPending) {
      this.headerPending = headerPending;
    }
  }
}
