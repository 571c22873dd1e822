package io.fibonacci.presentation.http.representation;

import io.fibonacci.presentation.http.problem.NotAcceptableException;
import io.fibonacci.shared.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.Collection;
import java.util.function.Function;

/** Picks the v1 representation from {@code Accept}: highest quality wins, then the first listed. */
public final class ContentNegotiation {

  private ContentNegotiation() {}

  public static Representation choose(HttpRequest<?> request) {
    return best(
        request,
        Representation.JSON,
        ContentNegotiation::representationFor,
        "application/json or text/plain");
  }

  /**
   * The offer {@code offerFor} finds (null for none) for the accepted range of highest quality (the
   * first listed among equals), or {@code fallback} when the request accepts anything.
   *
   * @param offered the offers in words, for the 406 when none is accepted
   * @throws NotAcceptableException when no accepted range names an offer
   */
  public static <T> T best(
      HttpRequest<?> request, T fallback, Function<MediaType, T> offerFor, String offered) {
    Collection<MediaType> accepted = request.accept();
    if (accepted.isEmpty()) {
      return fallback;
    }
    T best = null;
    double bestQuality = 0;
    for (MediaType range : accepted) {
      double quality = quality(range);
      T candidate = offerFor.apply(range);
      if (candidate != null && quality > bestQuality) {
        best = candidate;
        bestQuality = quality;
      }
    }
    if (best == null) {
      throw new NotAcceptableException(
          "none of the accepted media types is offered: use " + offered);
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
