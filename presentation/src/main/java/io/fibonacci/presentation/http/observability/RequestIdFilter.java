package io.fibonacci.presentation.http.observability;

import io.fibonacci.shared.Nullable;
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

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when well formed, else a new random
 * one. The id is echoed in the response, put in every log line of the request (MDC, propagated
 * across threads) and in problem details. The access log is {@link AccessLogFilter}'s.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestIdFilter implements Ordered {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  private static final String ID_ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
  private static final int MAX_ID_LENGTH = 64;

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }

  @RequestFilter
  void assignId(HttpRequest<?> request, MutablePropagatedContext context) {
    String id = acceptOrCreate(request.getHeaders().get(HEADER));
    request.setAttribute(ID_ATTRIBUTE, id);
    context.add(new MdcPropagationContext(Map.of(MDC_KEY, id)));
  }

  @ResponseFilter
  void echoId(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String id = idOf(request);
    if (id == null) {
      return;
    }
    response.header(HEADER, id);
  }

  /** The id given to a request by this filter, or null before it ran. */
  public static @Nullable String idOf(HttpRequest<?> request) {
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
}
