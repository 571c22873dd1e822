package io.fibonacci.presentation.http.representation;

import io.fibonacci.presentation.http.problem.NotAcceptableException;
import io.fibonacci.shared.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.Collection;

/** Picks the v1 representation from {@code Accept}: highest quality wins, then the first listed. */
public final class ContentNegotiation {

  private ContentNegotiation() {}

  public static Representation choose(HttpRequest<?> request) {
    Collection<MediaType> accepted = request.accept();
    if (accepted.isEmpty()) {
      return Representation.JSON;
    }
    Representation best = null;
    double bestQuality = 0;
    for (MediaType range : accepted) {
      double quality = quality(range);
      Representation candidate = representationFor(range);
      if (candidate != null && quality > bestQuality) {
        best = candidate;
        bestQuality = quality;
      }
    }
    if (best == null) {
      throw new NotAcceptableException(
          "none of the accepted media types is offered: use application/json or text/plain");
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

  private static @Nullable Representation representationFor(MediaType range) {
    String type = range.getType();
    String subtype = range.getSubtype();
    boolean anySubtype = subtype.equals("*");
    if (type.equals("*")
        || (type.equals("application") && (anySubtype || subtype.equals("json")))) {
      return Representation.JSON;
    }
    if (type.equals("text") && (anySubtype || subtype.equals("plain"))) {
      return Representation.TEXT;
    }
    return null;
  }
}
