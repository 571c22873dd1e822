package io.fibonacci.presentation.http.cors;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ConditionalFilter;
import io.micronaut.http.server.annotation.PreMatching;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for every route: any origin by default, without credentials (the API uses none), or the
 * origins of {@code cors.allowed-origins}. Preflights are answered here, before routing, with 204:
 * they never reach a controller, so they are never rate limited and cost next to nothing.
 *
 * <p>Written here rather than configured in Micronaut's CORS filter, which answers preflights with
 * 200, refuses a disallowed method or header with an empty 403 instead of leaving the decision to
 * the browser, and treats {@code *} from configuration as a literal origin.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CrossOriginFilter implements Ordered, ConditionalFilter {

  static final String ANY = "*";
  static final String ALLOWED_METHODS = "GET, HEAD, POST, DELETE, OPTIONS";
  static final String ALLOWED_HEADERS =
      "Accept, If-None-Match, If-Range, Range, Authorization, X-API-Key, Idempotency-Key, Prefer,"
          + " Content-Type, X-Request-Id";
  static final String EXPOSED_HEADERS =
      "ETag, RateLimit, RateLimit-Policy, Retry-After, X-Request-Id, X-Request-Cost,"
          + " Content-Range, Accept-Ranges, Content-Encoding, Content-Length, Location,"
          + " WWW-Authenticate";
  static final String MAX_AGE_SECONDS = "86400";

  private final boolean anyOrigin;
  private final Set<String> origins;

  CrossOriginFilter(@Value("${cors.allowed-origins:*}") List<String> allowedOrigins) {
    Set<String> listed =
        allowedOrigins.stream()
            .map(String::trim)
            .filter(origin -> !origin.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    this.anyOrigin = listed.isEmpty() || listed.contains(ANY);
    this.origins = listed;
  }

  /**
   * Only requests from a browser page carry {@code Origin}; the others skip this filter, unless the
   * origins are restricted, where every answer needs {@code Vary: Origin} for shared caches.
   */
  @Override
  public boolean isEnabled(HttpRequest<?> request) {
    return !anyOrigin || request.getHeaders().contains(HttpHeaders.ORIGIN);
  }

  /** Before the request id filter's response part, so the preflight carries an id too. */
  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE + 10;
  }

  @Nullable
  @PreMatching
  @RequestFilter
  HttpResponse<?> answerPreflight(HttpRequest<?> request) {
    if (request.getMethod() != HttpMethod.OPTIONS
        || !request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
      return null;
    }
    String origin = request.getHeaders().getOrigin().orElse(null);
    MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.NO_CONTENT);
    if (!anyOrigin) {
      response.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }
    if (origin != null && allows(origin)) {
      response
          .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, anyOrigin ? ANY : origin)
          .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
          .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
          .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
    }
    return response;
  }

  @ResponseFilter
  void allowOrigin(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (response.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)) {
      return; // a preflight answered above
    }
    String origin = request.getHeaders().getOrigin().orElse(null);
    if (!anyOrigin) {
      // The answer depends on the origin: caches must keep one per origin.
      response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }
    if (origin == null || !allows(origin)) {
      return;
    }
    response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, anyOrigin ? ANY : origin);
    response.header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
  }

  private boolean allows(String origin) {
    return anyOrigin || origins.contains(origin);
  }
}
