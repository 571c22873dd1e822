package io.fibonacci.application.service.sequence;

/**
 * The bounds and prices of sequence pages and streams.
 *
 * @param maxN the largest position there is (fibonacci.max-n)
 * @param maxPageBytes a page stops before its rows pass this many bytes
 *     (fibonacci.sequence.max-page-bytes, 4 MiB)
 * @param inlinePageBytes pages of up to this many bytes are built on the caller's thread, larger
 *     ones on the compute pool
 * @param bytesPerToken one token more per this many bytes produced (20,000: F(10^6), 209 kB, costs
 *     11 tokens as a single value)
 */
public record SequenceSettings(
    int maxN, long maxPageBytes, long inlinePageBytes, long bytesPerToken) {

  /** The most values a page holds, and the default. */
  public static final int MAX_PAGE_ITEMS = 1_000;

  public static final int DEFAULT_LIMIT = 100;

  /** The most rows a stream holds, and the most bytes. */
  public static final int MAX_STREAM_ROWS = 100_000;

  public static final long MAX_STREAM_BYTES = 256L << 20;

  /** What a row costs beside its digits: the position and the JSON, CSV or NDJSON around them. */
  public static final int ROW_OVERHEAD_BYTES = 24;

  public SequenceSettings {
    if (maxN < 0 || maxPageBytes < 1 || inlinePageBytes < 0 || bytesPerToken < 1) {
      throw new IllegalArgumentException("settings are positive");
    }
  }

  public long costOf(long bytes) {
    return 1 + bytes / bytesPerToken;
  }
}
