package io.fibonacci.application.port.in.sequence;

import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.shared.Nullable;
import java.util.List;

/**
 * A page of consecutive values, and where the neighbouring pages start.
 *
 * @param start the first position
 * @param limit the number of values asked for (the page may hold fewer: at the end of the sequence,
 *     or where the byte cap stopped it)
 * @param order {@code asc} or {@code desc}
 * @param total the number of positions there are: max-n + 1
 * @param next where the following page starts, when there is one (after the byte cap, right after
 *     the last item)
 * @param prev where the preceding page starts, when there is one
 * @param first where the first page starts (0 ascending, max-n descending)
 * @param last where the last page of this limit starts
 * @param cost the tokens this request cost
 * @param rateLimit the client's quotas after this request
 */
public record SequencePage(
    int start,
    int limit,
    String order,
    long total,
    List<SequenceItem> items,
    @Nullable Integer next,
    @Nullable Integer prev,
    int first,
    int last,
    long cost,
    RateLimitStatus rateLimit) {

  public SequencePage {
    items = List.copyOf(items);
  }
}
