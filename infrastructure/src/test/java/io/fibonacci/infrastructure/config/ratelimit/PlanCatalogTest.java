package io.fibonacci.infrastructure.config.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanCatalogTest {

  @Test
  void findsPlansInTheConfigurationAndInEnvironmentVariablesWithTheirQuotas() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "rate-limit.bucket.capacity", 1000,
                "rate-limit.plans.pro.bucket.capacity", 5000,
                "rate-limit.plans.pro.jobs.max-active", 10,
                "rate-limit.plans.free.windows.per-day", 100))) {
      PlanCatalog plans =
          PlanCatalog.of(
              context.getEnvironment(),
              Map.of(
                  "RATE_LIMIT_PLANS_TEAM_2_BUCKET_CAPACITY", "9",
                  "RATE_LIMIT_PLANS_BATCH_JOBS_MAX_ACTIVE", "4",
                  "RATE_LIMIT_PLANS_", "x",
                  "RATE_LIMIT_BUCKET_CAPACITY", "1"),
              context.getBean(RateLimitProperties.class),
              2);

      assertThat(plans.names()).containsExactlyInAnyOrder("pro", "free", "team-2", "batch");
      assertThat(plans.plans().get("pro").policy().capacity()).isEqualTo(5000);
      assertThat(plans.plans().get("pro").maxActiveJobs()).isEqualTo(10);
      assertThat(plans.plans().get("free").policy().capacity()).isEqualTo(1000);
      assertThat(plans.plans().get("free").policy().windows()).hasSize(1);
      assertThat(plans.plans().get("free").maxActiveJobs()).isEqualTo(2);
    }
  }

  @Test
  void refusesAPlanNameOutsideItsAlphabetOrAQuotaTheLimiterCannotHold() {
    try (ApplicationContext context = ApplicationContext.run(Map.of())) {
      assertThatThrownBy(
              () ->
                  PlanCatalog.of(
                      context.getEnvironment(),
                      Map.of("RATE_LIMIT_PLANS_9LIVES_BUCKET_CAPACITY", "9"),
                      context.getBean(RateLimitProperties.class),
                      2))
          .isInstanceOf(ConfigurationException.class);
    }
    assertThatThrownBy(
            () -> ApplicationContext.run(Map.of("rate-limit.plans.zero.bucket.capacity", 0)))
        .hasStackTraceContaining("rate-limit.plans.zero");
  }
}
