package io.fibonacci.presentation.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.shared.ErrorCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProblemTypesTest {

  @Test
  void givesEveryErrorCodeItsOwnProblemTypeAndAClientOrBusyStatus() {
    var types = Arrays.stream(ErrorCode.values()).map(ProblemTypes::of).toList();

    assertThat(types).doesNotHaveDuplicates().hasSize(ErrorCode.values().length);
    assertThat(types)
        .allSatisfy(
            type ->
                assertThat(type.status().getCode())
                    .satisfiesAnyOf(
                        code -> assertThat(code).isBetween(400, 499),
                        code -> assertThat(code).isEqualTo(503)));
    assertThat(types.stream().map(type -> type.problem("d", null).type())).doesNotHaveDuplicates();
  }
}
