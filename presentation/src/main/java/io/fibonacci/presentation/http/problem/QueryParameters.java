package io.fibonacci.presentation.http.problem;

import io.fibonacci.shared.Nullable;
import io.micronaut.http.HttpRequest;
import java.util.List;

/** Query parameters that may be given once at most: a repeated one is refused with a 400. */
public final class QueryParameters {

  private QueryParameters() {}

  /**
   * The one value of {@code name}, or null when absent.
   *
   * @throws InvalidParameterException when the parameter is given more than once
   */
  public static @Nullable String single(HttpRequest<?> request, String name) {
    List<String> values = request.getParameters().getAll(name);
    if (values.size() > 1) {
      throw new InvalidParameterException(
          name + " is given " + values.size() + " times: give it exactly once");
    }
    return values.isEmpty() ? null : values.get(0);
  }
}
