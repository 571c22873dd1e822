package io.fibonacci.presentation.http.representation;

import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.presentation.http.client.RateLimitHeaders;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.function.Supplier;

/**
 * A JSON answer that never changes for its request (F(n) mod m, π(m), where a value sits in the
 * sequence): cacheable for a year, with a strong ETag derived from what identifies the answer, and
 * 304 for a matching If-None-Match; the rate-limit headers as on every charged route.
 */
public final class ImmutableAnswer {

  private ImmutableAnswer() {}

  /** A year, and never revalidated: what every answer that cannot change is cached for. */
  public static final String CACHE_CONTROL = FibonacciResponder.IMMUTABLE;

  /**
   * @param identity what determines the answer, e.g. {@code "mod/<n>/<m>"}: its hash is the ETag
   */
  public static MutableHttpResponse<?> json(
      HttpRequest<?> request, Object body, String identity, long cost, RateLimitStatus rateLimit) {
    return json(request, () -> body, "\"", identity, cost, rateLimit);
  }

  /**
   * The same with an entity tag that starts with {@code tagPrefix} (after its opening quote), e.g.
   * {@link Representation#SEQUENCE_TAG_PREFIX}, which the framework's compression leaves alone; the
   * body is only made when it is sent (not for a 304).
   */
  public static MutableHttpResponse<?> json(
      HttpRequest<?> request,
      Supplier<?> body,
      String tagPrefix,
      String identity,
      long cost,
      RateLimitStatus rateLimit) {
    String tag = tagPrefix + EntityTags.digest(identity) + "\"";
    MutableHttpResponse<?> response =
        EntityTags.noneMatchHits(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), tag)
            ? HttpResponse.notModified()
            : HttpResponse.ok(body.get()).contentType(MediaType.APPLICATION_JSON_TYPE);
    response
        .header(HttpHeaders.ETAG, tag)
        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
        .header(RateLimitHeaders.REQUEST_COST, Long.toString(cost));
    RateLimitHeaders.apply(response, rateLimit);
    return response;
  }
}
