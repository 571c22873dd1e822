package io.fibonacci.presentation.http.sequence;

import io.fibonacci.presentation.http.representation.ContentNegotiation;
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
    return ContentNegotiation.best(
        request,
        PAGE,
        SequenceForm::formFor,
        "application/json (a page), application/x-ndjson or text/csv (a stream)");
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
