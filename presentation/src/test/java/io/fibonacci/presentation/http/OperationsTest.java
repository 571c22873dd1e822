package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
class OperationsTest {

  @Inject EmbeddedServer server;

  private static final String LOCAL_MISSES =
      "fibonacci_cache_requests_total{result=\"miss\",tier=\"local\"}";
  private static final String LOCAL_HITS =
      "fibonacci_cache_requests_total{result=\"hit\",tier=\"local\"}";
  private static final String COMPUTATIONS = "fibonacci_computation_seconds_count";
  private static final String ALLOWED =
      "fibonacci_rate_limit_decisions_total{outcome=\"allowed\",plan=\"anonymous\"}";

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  @Test
  void reportsAggregateHealthAndBothProbes() {
    assertThat(http().get("/health").body()).contains("\"status\":\"UP\"");
    assertThat(http().get("/health/liveness").statusCode()).isEqualTo(200);
    assertThat(http().get("/health/readiness").statusCode()).isEqualTo(200);
  }

  @Test
  void countsAMissThenAHitOfOneValueInTheFibonacciMetrics() {
    String before = http().get("/prometheus").body();

    http().get("/api/v1/fibonacci/30001");
    http().get("/api/v1/fibonacci/30001");
    String after = http().get("/prometheus").body();

    assertThat(HttpProbe.sample(after, LOCAL_MISSES) - HttpProbe.sample(before, LOCAL_MISSES))
        .isEqualTo(1.0);
    assertThat(HttpProbe.sample(after, LOCAL_HITS) - HttpProbe.sample(before, LOCAL_HITS))
        .isEqualTo(1.0);
    assertThat(HttpProbe.sample(after, COMPUTATIONS) - HttpProbe.sample(before, COMPUTATIONS))
        .isEqualTo(1.0);
    assertThat(HttpProbe.sample(after, ALLOWED) - HttpProbe.sample(before, ALLOWED)).isEqualTo(2.0);
  }

  @Test
  void exposesHttpAndFibonacciMetricsForPrometheus() {
    http().get("/api/v1/fibonacci/30000");
    http().get("/api/v1/fibonacci/30000");

    var scrape = http().get("/prometheus");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(scrape.body())
        .contains("http_server_requests_seconds_count{")
        // Fixed buckets, so that latency percentiles can be computed across instances.
        .containsPattern("http_server_requests_seconds_bucket\\{[^\\n]*le=\"0\\.25\"")
        .contains("fibonacci_cache_requests_total{result=\"hit\",tier=\"local\"}")
        .contains("fibonacci_cache_requests_total{result=\"miss\",tier=\"local\"}")
        .contains("fibonacci_computation_seconds_count")
        .contains("fibonacci_rate_limit_decisions_total{outcome=\"allowed\",plan=\"anonymous\"}")
        .contains("fibonacci_rate_limit_decisions_total{outcome=\"rejected\",plan=\"anonymous\"}")
        .contains("fibonacci_requests_shed_total")
        .contains("jvm_memory_used_bytes")
        // Clean for promtool check metrics: help text everywhere, no unconventional names.
        .contains("# HELP http_server_requests_seconds HTTP requests served")
        .doesNotContain("system_cpu_count")
        .doesNotContain("process_cpu_time_ns_total");
  }

  @Test
  void servesTheOpenApiDocumentListingEveryRoute() {
    var spec = http().get("/swagger/fibonacci-api.yml");

    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.body())
        .contains("/api/v1/fibonacci/{n}:")
        .contains("/api/v1/fibonacci:")
        .contains("/fibonacci:")
        .contains("/fibonacci/{n}:")
        .contains("application/problem+json")
        .contains("\"429\":");
  }

  @Test
  void documentsTheJobRoutesWithTheirProblems() {
    String spec = http().get("/swagger/fibonacci-api.yml").body();

    for (String path :
        new String[] {"/api/v1/jobs:", "/api/v1/jobs/{id}:", "/api/v1/jobs/{id}/result:"}) {
      int start = spec.indexOf("\n  " + path);
      assertThat(start).as(path).isPositive();
      int end = spec.indexOf("\n  /", start + 1);
      String route = spec.substring(start, end < 0 ? spec.length() : end);
      assertThat(route).as(path).contains("\"401\":", "\"404\":", "\"429\":", "\"503\":");
    }
  }

  @Test
  void declaresTheCredentialsAsOptionalOnEveryRoute() {
    String spec = http().get("/swagger/fibonacci-api.yml").body();

    assertThat(spec)
        .contains("security:\n- apiKey: []\n- bearer: []\n- {}")
        .contains("securitySchemes:")
        .contains("name: X-API-Key")
        .contains("scheme: bearer");
    int start = spec.indexOf("\n  /api/v1/fibonacci/{n}:");
    String route = spec.substring(start, spec.indexOf("\n  /", start + 1));
    assertThat(route).contains("\"401\":").contains("WWW-Authenticate");
  }

  @Test
  void servesSwaggerUi() {
    var page = http().get("/swagger-ui/index.html");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).containsIgnoringCase("swagger");
  }
}
