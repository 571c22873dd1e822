package io.fibonacci.domain.model.modular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.domain.model.InvalidArgumentException;
import io.fibonacci.domain.model.index.CandidateValue;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ModularArgumentsTest {

  @Test
  void readsPlainDecimalDigitsWithLeadingZeros() {
    assertThat(Modulus.parse("0007").value()).isEqualTo(BigInteger.valueOf(7));
    assertThat(LargePosition.parse("0").value()).isEqualTo(BigInteger.ZERO);
    assertThat(LargePosition.parse("0".repeat(5_000) + "1".repeat(1_000)).value())
        .isEqualTo(new BigInteger("1".repeat(1_000)));
    assertThat(PisanoModulus.parse("1000000000000").value()).isEqualTo(1_000_000_000_000L);
    assertThat(CandidateValue.parse("000144", 3).digits()).isEqualTo("144");
    assertThat(CandidateValue.parse("000", 3).digits()).isEqualTo("0");
  }

  @Test
  void refusesEachBadValueNamingTheParameterAndWhatItAccepts() {
    assertRefused(() -> Modulus.parse("0"), "m", "too-small");
    assertRefused(() -> Modulus.parse(""), "m", "missing");
    assertRefused(() -> Modulus.parse("-5"), "m", "not-decimal");
    assertRefused(() -> Modulus.parse("1e9"), "m", "not-decimal");
    assertRefused(() -> Modulus.parse("٣"), "m", "not-decimal");
    assertRefused(() -> Modulus.parse("9".repeat(1_001)), "m", "too-large");
    assertRefused(() -> LargePosition.parse("1".repeat(1_001)), "n", "too-large");
    assertRefused(() -> LargePosition.parse(" 1"), "n", "not-decimal");
    assertRefused(() -> PisanoModulus.parse("0"), "m", "too-small");
    assertRefused(() -> PisanoModulus.parse("1000000000001"), "m", "too-large");
    assertRefused(() -> PisanoModulus.parse("99999999999999999999999"), "m", "too-large");
    assertRefused(() -> CandidateValue.parse("1234", 3), "value", "too-large");
  }

  private static void assertRefused(Runnable parse, String parameter, String reason) {
    assertThatThrownBy(parse::run)
        .isInstanceOf(InvalidArgumentException.class)
        .satisfies(
            refused -> {
              var facts = ((FibonacciException) refused).facts();
              assertThat(facts).containsEntry(Fact.PARAMETER, parameter);
              assertThat(facts).containsEntry(Fact.REASON, reason);
              assertThat((String) facts.get(Fact.ALLOWED)).isNotBlank();
            });
  }
}
