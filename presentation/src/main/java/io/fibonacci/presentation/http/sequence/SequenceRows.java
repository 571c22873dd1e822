package io.fibonacci.presentation.http.sequence;

import io.fibonacci.application.port.in.sequence.SequenceItem;
import io.fibonacci.application.port.in.sequence.SequencePage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a page and of stream rows, written directly: the values are decimal digits and the
 * rest is fixed text, so nothing needs escaping and no value is copied into a string.
 */
final class SequenceRows {

  static final byte[] CSV_HEADER = "n,value\n".getBytes(StandardCharsets.US_ASCII);

  private SequenceRows() {}

  /** {@code {"start":S,"limit":L,"order":"asc","total":T,"items":[{"n":S,"value":"..."},...]}} */
  static byte[] page(SequencePage page) {
    int size = 96;
    for (SequenceItem item : page.items()) {
      size += item.digits().length + 32;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    write(
        out,
        "{\"start\":"
            + page.start()
            + ",\"limit\":"
            + page.limit()
            + ",\"order\":\""
            + page.order()
            + "\",\"total\":"
            + page.total()
            + ",\"items\":[");
    boolean first = true;
    for (SequenceItem item : page.items()) {
      if (!first) {
        out.write(',');
      }
      first = false;
      jsonItem(out, item);
    }
    write(out, "]}");
    return out.toByteArray();
  }

  /** One NDJSON line, {@code {"n":S,"value":"..."}\n}, or one CSV row, {@code n,value\n}. */
  static void row(ByteArrayOutputStream out, SequenceItem item, SequenceForm form) {
    if (form == SequenceForm.CSV) {
      write(out, Integer.toString(item.n()));
      out.write(',');
      out.write(item.digits(), 0, item.digits().length);
    } else {
      jsonItem(out, item);
    }
    out.write('\n');
  }

  private static void jsonItem(ByteArrayOutputStream out, SequenceItem item) {
    write(out, "{\"n\":" + item.n() + ",\"value\":\"");
    out.write(item.digits(), 0, item.digits().length);
    write(out, "\"}");
  }

  private static void write(ByteArrayOutputStream out, String ascii) {
    byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
    out.write(bytes, 0, bytes.length);
  }
}
