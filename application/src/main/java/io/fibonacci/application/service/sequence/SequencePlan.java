package io.fibonacci.application.service.sequence;

import io.fibonacci.domain.calculator.FibonacciIndexEstimator;
import io.fibonacci.domain.model.sequence.SequenceRange;

/**
 * What a run will produce before anything is computed: the positions that fit under a byte cap and
 * their bytes, from the digit count of each value (known without computing it), so that the client
 * is charged before the work and a page is cut where its bytes would pass the cap.
 */
record SequencePlan(SequenceRange range, long bytes) {

  /** The longest prefix of {@code range} whose rows stay within {@code maxBytes} (at least one). */
  static SequencePlan of(SequenceRange range, long maxBytes) {
    long bytes = 0;
    int items = 0;
    while (items < range.count()) {
      long row = rowBytes(range.positionAt(items));
      if (items > 0 && bytes + row > maxBytes) {
        break;
      }
      bytes += row;
      items++;
    }
    return new SequencePlan(range.first(items), bytes);
  }

  static long rowBytes(int n) {
    return FibonacciIndexEstimator.digitCountAt(n) + (long) SequenceSettings.ROW_OVERHEAD_BYTES;
  }
}
