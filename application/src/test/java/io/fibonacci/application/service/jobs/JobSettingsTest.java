package io.fibonacci.application.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.PositionLimit;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

  private final JobSettings settings =
      new JobSettings(
          PositionLimit.of(1_000), 10, 2, Duration.ofSeconds(5), Duration.ZERO, Map.of("pro", 10));

  @Test
  void capsEachClientByItsPlanAndAnonymousClientsByTheDefault() {
    assertThat(settings.maxActiveFor(ClientKey.identified("pro", "key_0123456789ab")))
        .isEqualTo(10);
    assertThat(settings.maxActiveFor(ClientKey.of("192.0.2.1"))).isEqualTo(2);
    assertThat(settings.maxActiveFor(ClientKey.identified("gone", "key_0123456789ab")))
        .isEqualTo(2);
  }
}
