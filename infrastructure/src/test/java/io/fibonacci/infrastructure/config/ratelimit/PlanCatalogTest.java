package io.fibonacci.infrastructure.config.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanCatalogTest {

  @Test
  void findsPlansInTheConfigurationAndInEnvironmentVariables() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "rate-limit.plans.pro.bucket.capacity", 5000,
                "rate-limit.plans.free.windows.per-day", 100))) {
      PlanCatalog plans =
          PlanCatalog.of(
              context.getEnvironment(),
              Map.of(
                  "RATE_LIMIT_PLANS_TEAM_2_BUCKET_CAPACITY", "9",
                  "RATE_LIMIT_PLANS_BATCH_JOBS_MAX_ACTIVE", "4",
                  "RATE_LIMIT_PLANS_", "x",
                  "RATE_LIMIT_BUCKET_CAPACITY", "1"));

      assertThat(plans.names()).containsExactlyInAnyOrder("pro", "free", "team-2", "batch");
    }
  }

  @Test
  void refusesAPlanNameOutsideItsAlphabet() {
    assertThatThrownBy(() -> new PlanCatalog(java.util.Set.of("Gold!")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("rate-limit.plans.Gold!");
  }
}
