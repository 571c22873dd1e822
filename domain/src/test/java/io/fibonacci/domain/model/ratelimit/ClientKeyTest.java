package io.fibonacci.domain.model.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientKeyTest {

  @Test
  void namesAnIdentifiedClientByPlanAndSubject() {
    ClientKey key = ClientKey.identified("pro", "key_0123456789ab");

    assertThat(key.value()).isEqualTo("id:pro:key_0123456789ab");
    assertThat(key.plan()).contains("pro");
  }

  @Test
  void givesAnAnonymousClientNoPlan() {
    assertThat(ClientKey.of("203.0.113.7").plan()).isEmpty();
    assertThat(ClientKey.of("2001:db8:1:2::/64").plan()).isEmpty();
  }

  @Test
  void refusesPlanNamesOutsideItsAlphabet() {
    for (String bad : new String[] {"", "Pro", "pro:x", "9lives", "a".repeat(33), "p ro"}) {
      assertThat(ClientKey.isPlanName(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> ClientKey.identified(bad, "s"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(ClientKey.isPlanName("team-2")).isTrue();
  }
}
