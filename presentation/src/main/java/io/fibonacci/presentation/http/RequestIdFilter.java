package io.fibonacci.presentation.http;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when well formed, else a new random
 * one. The id is echoed in the response, put in every log line of the request (MDC, propagated
 * across threads) and in problem details; the optional access log writes one line per request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements Ordered {

  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "requestId";
  private static final String ID_ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
  private static final String START_ATTRIBUTE = RequestIdFilter.class.getName() + ".start";
  private static final int MAX_ID_LENGTH = 64;
  private static final Logger ACCESS = LoggerFactory.getLogger("io.fibonacci.access");
  private static final int MAX_LOGGED_PATH = 256;

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }

  @RequestFilter
  void assignId(HttpRequest<?> request, MutablePropagatedContext context) {
    String id = acceptOrCreate(request.getHeaders().get(HEADER));
    request.setAttribute(ID_ATTRIBUTE, id);
    if (ACCESS.isInfoEnabled()) {
      request.setAttribute(START_ATTRIBUTE, System.nanoTime());
    }
    context.add(new MdcPropagationContext(Map.of(MDC_KEY, id)));
  }

  @ResponseFilter
  void echoId(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String id = idOf(request);
    if (id == null) {
      return;
    }
    response.header(HEADER, id);
    logAccess(request, response, id);
  }

  /** The id given to a request by this filter, or null before it ran. */
  static String idOf(HttpRequest<?> request) {
    return request.getAttribute(ID_ATTRIBUTE, String.class).orElse(null);
  }

  static String acceptOrCreate(String incoming) {
    if (incoming != null && isWellFormed(incoming)) {
      return incoming;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return hex16(random.nextLong()) + hex16(random.nextLong());
  }

  /** 1 to 64 characters of {@code [A-Za-z0-9._-]}. */
  private static boolean isWellFormed(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static String hex16(long value) {
    String digits = Long.toHexString(value);
    return "0".repeat(16 - digits.length()) + digits;
  }

  private static void logAccess(
      HttpRequest<?> request, MutableHttpResponse<?> response, String id) {
    Long start = request.getAttribute(START_ATTRIBUTE, Long.class).orElse(null);
    if (start == null || !ACCESS.isInfoEnabled()) {
      return;
    }
    String path = request.getPath();
    // The response may complete on a thread outside the request's context: set the id here.
    try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
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
}
