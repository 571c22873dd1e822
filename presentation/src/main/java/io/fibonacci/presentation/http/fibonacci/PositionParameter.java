package io.fibonacci.presentation.http.fibonacci;

import io.fibonacci.presentation.http.problem.QueryParameters;
import io.micronaut.http.HttpRequest;

/** Reads the query parameter {@code n}, which must appear at most once. */
final class PositionParameter {

  static final String NAME = "n";

  private PositionParameter() {}

  /** The single value of n, or an empty string when absent (the use case reports it missing). */
  static String single(HttpRequest<?> request) {
    String n = QueryParameters.single(request, NAME);
    return n == null ? "" : n;
  }
}
