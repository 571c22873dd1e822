package io.fibonacci.presentation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.presentation.tracing.InMemorySpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With Redis, a trace shows both cache tiers, nested, and the computation under the last one. */
class TracingRedisIT {

  private static final AttributeKey<Boolean> CACHE_HIT = AttributeKey.booleanKey("cache.hit");
  private static final AttributeKey<Boolean> ALLOWED =
      AttributeKey.booleanKey("rate_limit.allowed");
  private static final Map<String, Object> TRACING =
      Map.of(
          "micronaut.otel.enabled",
          true,
          "otel.traces.exporter",
          "none",
          InMemorySpans.PROPERTY,
          InMemorySpans.VALUE);

  private static TwoInstances instances;

  @BeforeAll
  static void startRedisAndTwoTracedInstances() {
    instances = TwoInstances.start(TRACING);
  }

  @AfterAll
  static void stopEverything() {
    if (instances != null) {
      instances.close();
    }
  }

  @Test
  void nestsTheRedisLookupInTheLocalOneAndTheComputationInTheRedisOne() {
    var answer = instances.first.get("/api/v1/fibonacci/60001");

    List<SpanData> trace = spansOf(instances.first, 4);
    SpanData local = named(trace, "cache.get local");
    SpanData remote = named(trace, "cache.get redis");
    SpanData computation = named(trace, "fibonacci.compute");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(remote.getParentSpanId()).isEqualTo(local.getSpanId());
    assertThat(computation.getParentSpanId()).isEqualTo(remote.getSpanId());
    assertThat(remote.getAttributes().get(CACHE_HIT)).isFalse();
    // The rate-limit answer comes back on Redis's I/O thread; the trace goes on regardless.
    assertThat(named(trace, "rate_limit.acquire").getAttributes().get(ALLOWED)).isTrue();
    assertThat(trace).allMatch(span -> span.getTraceId().equals(local.getTraceId()));
    assertThat(trace).anyMatch(span -> span.getKind() == SpanKind.SERVER);
  }

  @Test
  void showsAnotherInstancesValueAsARedisHitWithoutComputation() {
    instances.first.get("/api/v1/fibonacci/60002");
    spansOf(instances.first, 4);

    var answer = instances.second.get("/api/v1/fibonacci/60002");

    List<SpanData> trace = spansOf(instances.second, 3);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(named(trace, "cache.get local").getAttributes().get(CACHE_HIT)).isFalse();
    assertThat(named(trace, "cache.get redis").getAttributes().get(CACHE_HIT)).isTrue();
    assertThat(trace).noneMatch(span -> span.getName().equals("fibonacci.compute"));
  }

  /** The instance's finished spans, once there are at least so many; then they are cleared. */
  private static List<SpanData> spansOf(ServiceInstance instance, int atLeast) {
    InMemorySpanExporter exporter = instance.bean(InMemorySpanExporter.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (exporter.getFinishedSpanItems().size() < atLeast && System.nanoTime() < deadline) {
      LocalRedis.pause(Duration.ofMillis(20));
    }
    LocalRedis.pause(Duration.ofMillis(200));
    List<SpanData> spans = exporter.getFinishedSpanItems();
    exporter.reset();
    return spans;
  }

  private static SpanData named(List<SpanData> trace, String name) {
    List<SpanData> found = trace.stream().filter(span -> span.getName().equals(name)).toList();
    assertThat(found).as("%s in %s", name, trace).hasSize(1);
    return found.get(0);
  }
}
