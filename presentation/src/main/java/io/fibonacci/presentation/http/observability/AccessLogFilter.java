package io.fibonacci.presentation.http.observability;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ConditionalFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The access log: one line per request (method, path, status, duration, request id) on the logger
 * {@code io.fibonacci.access}. Off unless that logger is at INFO; then the filter is skipped, so it
 * costs nothing on the hot path.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class AccessLogFilter implements Ordered, ConditionalFilter {

  private static final Logger ACCESS = LoggerFactory.getLogger("io.fibonacci.access");
  private static final String START_ATTRIBUTE = AccessLogFilter.class.getName() + ".start";
  private static final int MAX_LOGGED_PATH = 256;

  @Override
  public int getOrder() {
    // Right inside the request-id filter: the id is known, and the status is final on the way out.
    return HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public boolean isEnabled(HttpRequest<?> request) {
    return ACCESS.isInfoEnabled();
  }

  @RequestFilter
  void start(HttpRequest<?> request) {
    request.setAttribute(START_ATTRIBUTE, System.nanoTime());
  }

  @ResponseFilter
  void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
    Long start = request.getAttribute(START_ATTRIBUTE, Long.class).orElse(null);
    if (start == null) {
      return;
    }
    String path = request.getPath();
    // The response may complete on a thread outside the request's context: set the id here.
    try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.MDC_KEY, idOrDash(request))) {
      ACCESS
          .atInfo()
          .addKeyValue("method", request.getMethodName())
          .addKeyValue(
              "path", path.length() > MAX_LOGGED_PATH ? path.substring(0, MAX_LOGGED_PATH) : path)
          .addKeyValue("status", response.code())
          .addKeyValue("durationMicros", (System.nanoTime() - start) / 1_000)
          .log("request served");
    }
  }

  private static String idOrDash(HttpRequest<?> request) {
    String id = RequestIdFilter.idOf(request);
    return id == null ? "-" : id;
  }
}
