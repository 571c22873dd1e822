package io.fibonacci.domain.model.sequence;

import io.fibonacci.domain.model.DecimalArgument;
import io.fibonacci.shared.Nullable;

/**
 * Consecutive positions from {@code start}, {@code count} of them, up or down, all within 0 to the
 * largest position answered: a run of the sequence a page or a stream covers.
 *
 * @param limit how many positions were asked for: {@code count} or more (the range is cut at either
 *     end of the sequence, and may be cut shorter by a byte cap)
 */
public record SequenceRange(int start, int count, int limit, SequenceOrder order) {

  public SequenceRange {
    if (start < 0 || count < 1 || limit < count) {
      throw new IllegalArgumentException(
          "a range starts at 0 or more and holds a position, at most the limit asked for");
    }
    if (order == SequenceOrder.DESC && start - count + 1 < 0) {
      throw new IllegalArgumentException("a descending range ends at 0 at the lowest");
    }
  }

  /**
   * The range a client asks for, cut at 0 and at {@code maxN}.
   *
   * @param start the first position as the client wrote it
   * @param limit how many positions at most, as the client wrote it; empty for {@code defaultLimit}
   * @throws io.fibonacci.domain.model.InvalidArgumentException for a start or limit out of range
   */
  public static SequenceRange of(
      String start,
      @Nullable String limit,
      SequenceOrder order,
      int maxN,
      int maxLimit,
      int defaultLimit) {
    int first =
        (int)
            DecimalArgument.parse(
                "start", start, 0, maxN, "an integer from 0 to " + maxN + " (fibonacci.max-n)");
    int wanted =
        limit == null || limit.isEmpty()
            ? defaultLimit
            : (int)
                DecimalArgument.parse(
                    "limit", limit, 1, maxLimit, "an integer from 1 to " + maxLimit);
    int available = order == SequenceOrder.ASC ? maxN - first + 1 : first + 1;
    return new SequenceRange(first, Math.min(wanted, available), wanted, order);
  }

  /** The position of the i-th item, 0-based. */
  public int positionAt(int index) {
    return order == SequenceOrder.ASC ? start + index : start - index;
  }

  /** The last position of the range. */
  public int end() {
    return positionAt(count - 1);
  }

  /** The same run, shortened to its first {@code items} positions. */
  public SequenceRange first(int items) {
    return new SequenceRange(start, Math.min(count, items), limit, order);
  }
}
