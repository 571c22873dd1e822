package io.fibonacci.presentation.http.worker;

import io.fibonacci.presentation.http.observability.RequestIdFilter;
import io.fibonacci.presentation.http.problem.Problem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * An instance started with {@code fibonacci.role=worker} ({@code FIBONACCI_ROLE=worker}) runs jobs
 * and serves nothing else but its health and its metrics: every other path is a 404 problem that
 * says so, so a worker put behind a load balancer by mistake answers no API request, and whoever
 * sent one learns why.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "fibonacci.role", value = "worker")
public final class WorkerRoleFilter implements Ordered {

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE + 2;
  }

  @RequestFilter
  @Nullable
  MutableHttpResponse<?> onlyHealthAndMetrics(HttpRequest<?> request) {
    String path = request.getPath();
    boolean operational =
        path.equals("/health") || path.startsWith("/health/") || path.equals("/prometheus");
    if (operational) {
      return null;
    }
    return Problem.blank(
        HttpResponse.notFound(),
        "this instance is a job worker (fibonacci.role=worker): it serves /health and"
            + " /prometheus only; the API is served by the other instances",
        RequestIdFilter.idOf(request));
  }
}
