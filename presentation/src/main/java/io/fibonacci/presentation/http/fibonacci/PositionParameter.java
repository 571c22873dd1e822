package io.fibonacci.presentation.http.fibonacci;

import io.fibonacci.presentation.http.problem.InvalidParameterException;
import io.micronaut.http.HttpRequest;
import java.util.List;

/** Reads the query parameter {@code n}, which must appear at most once. */
final class PositionParameter {

  static final String NAME = "n";

  private PositionParameter() {}

  /** The single value of n, or an empty string when absent (the use case reports it missing). */
  static String single(HttpRequest<?> request) {
    List<String> values = request.getParameters().getAll(NAME);
    if (values.size() > 1) {
      throw new InvalidParameterException(
          "n is given " + values.size() + " times: give it exactly once");
    }
    return values.isEmpty() ? "" : values.get(0);
  }
}
