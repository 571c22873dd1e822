package io.fibonacci.infrastructure.config.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the Prometheus scrape clean for {@code promtool check metrics} ({@code make validate}):
 * every series has help text, and two framework meters whose names break Prometheus conventions are
 * left out ({@code process_cpu_usage} and {@code system_cpu_usage} cover them).
 */
@Factory
public class MetricsFactory {

  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          "http.server.requests", "HTTP requests served, by method, URI template and status",
          "executor", "Time the tasks of an executor took to run");

  /**
   * process_cpu_time_ns_total abbreviates its unit; system_cpu_count is a gauge ending in _count, a
   * suffix Prometheus reserves for histograms and summaries.
   */
  private static final Set<String> UNCONVENTIONAL = Set.of("process.cpu.time", "system.cpu.count");

  @Singleton
  MeterFilter describeFrameworkMeters() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String description = DESCRIPTIONS.get(id.getName());
        if (description == null || id.getDescription() != null) {
          return id;
        }
        return new Meter.Id(
            id.getName(),
            Tags.of(id.getTagsAsIterable()),
            id.getBaseUnit(),
            description,
            id.getType());
      }
    };
  }

  @Singleton
  MeterFilter leaveOutUnconventionalNames() {
    return MeterFilter.deny(id -> UNCONVENTIONAL.contains(id.getName()));
  }
}
