package io.fibonacci.presentation.http;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when well formed, else a new random
 * one. The id is echoed in the response, put in every log line of the request (MDC, propagated
 * across threads) and in problem details; one access line per request is logged with it.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements HttpServerFilter {

  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "requestId";
  private static final String ATTRIBUTE = RequestIdFilter.class.getName();
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private static final Logger ACCESS = LoggerFactory.getLogger("io.fibonacci.access");
  private static final int MAX_LOGGED_PATH = 256;

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.before();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    String id = acceptOrCreate(request.getHeaders().get(HEADER));
    request.setAttribute(ATTRIBUTE, id);
    try (PropagatedContext.Scope ignored =
        PropagatedContext.getOrEmpty()
            .plus(new MdcPropagationContext(Map.of(MDC_KEY, id)))
            .propagate()) {
      long start = System.nanoTime();
      return Publishers.map(
          chain.proceed(request),
          response -> {
            logAccess(request, response, id, start);
            return response.header(HEADER, id);
          });
    }
  }

  private static void logAccess(
      HttpRequest<?> request, MutableHttpResponse<?> response, String id, long start) {
    if (!ACCESS.isInfoEnabled()) {
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

  /** The id given to a request by this filter, or null before it ran. */
  static String idOf(HttpRequest<?> request) {
    return request.getAttribute(ATTRIBUTE, String.class).orElse(null);
  }

  static String acceptOrCreate(String incoming) {
    if (incoming != null && WELL_FORMED.matcher(incoming).matches()) {
      return incoming;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return hex16(random.nextLong()) + hex16(random.nextLong());
  }

  private static String hex16(long value) {
    String digits = Long.toHexString(value);
    return "0".repeat(16 - digits.length()) + digits;
  }
}
