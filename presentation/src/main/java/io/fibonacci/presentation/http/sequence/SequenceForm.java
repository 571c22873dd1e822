package io.fibonacci.presentation.http.sequence;

import io.fibonacci.presentation.http.problem.NotAcceptableException;
import io.fibonacci.shared.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

/**
 * The forms of a run of the sequence: a JSON page, or a stream of NDJSON or CSV rows. Chosen from
 * {@code Accept}: the highest quality wins, then the first listed; none means the page.
 */
enum SequenceForm {
  PAGE(MediaType.APPLICATION_JSON),
  NDJSON("application/x-ndjson"),
  CSV("text/csv");

  private final String contentType;

  SequenceForm(String contentType) {
    this.contentType = contentType;
  }

  String contentType() {
    return contentType;
  }

  boolean streamed() {
    return this != PAGE;
  }

  static SequenceForm choose(HttpRequest<?> request) {
    SequenceForm best = null;
    double bestQuality = 0;
    if (request.accept().isEmpty()) {
      return PAGE;
    }
    for (MediaType range : request.accept()) {
      SequenceForm candidate = formFor(range);
      double quality = quality(range);
      if (candidate != null && quality > bestQuality) {
        best = candidate;
        bestQuality = quality;
      }
    }
    if (best == null) {
      throw new NotAcceptableException(
          "none of the accepted media types is offered: use application/json (a page),"
              + " application/x-ndjson or text/csv (a stream)");
    }
    return best;
  }

  private static double quality(MediaType range) {
    try {
      return Double.parseDouble(range.getQuality());
    } catch (NumberFormatException malformed) {
      return 0;
    }
  }

  private static @Nullable SequenceForm formFor(MediaType range) {
    String type = range.getType();
    String subtype = range.getSubtype();
    boolean anySubtype = subtype.equals("*");
    if (type.equals("*")
        || (type.equals("application") && (anySubtype || subtype.equals("json")))) {
      return PAGE;
    }
    if (type.equals("application") && subtype.equals("x-ndjson")) {
      return NDJSON;
    }
    if (type.equals("text") && (anySubtype || subtype.equals("csv"))) {
      return CSV;
    }
    return null;
  }
}
