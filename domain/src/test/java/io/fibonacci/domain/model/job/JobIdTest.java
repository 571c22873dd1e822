package io.fibonacci.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobIdTest {

  @Test
  void carries128RandomBitsInTwentyTwoUrlSafeCharacters() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();

    for (int i = 0; i < 10_000; i++) {
      JobId id = JobId.random(random);
      assertThat(id.value()).hasSize(22).matches("[A-Za-z0-9_-]{22}");
      seen.add(id.value());
    }

    assertThat(seen).hasSize(10_000);
  }

  @Test
  void refusesTextOfAnotherShape() {
    assertThatIllegalArgumentException().isThrownBy(() -> new JobId("short"));
    assertThatIllegalArgumentException().isThrownBy(() -> new JobId("a".repeat(21) + "="));
    assertThat(JobId.isWellFormed("../../etc/passwd")).isFalse();
    assertThat(JobId.isWellFormed("A".repeat(22))).isTrue();
  }
}
