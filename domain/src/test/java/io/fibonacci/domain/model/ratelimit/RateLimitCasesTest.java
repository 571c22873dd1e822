package io.fibonacci.domain.model.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.ratelimit.RateLimitCases.Case;
import io.fibonacci.domain.model.ratelimit.RateLimitCases.Step;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared table against the domain's rule; {@code RateLimitScriptCasesIT} runs it in Redis. */
class RateLimitCasesTest {

  static List<Case> cases() {
    return RateLimitCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesEveryStepAsTheTableSays(Case limitCase) {
    LimitState state = LimitState.fresh(limitCase.policy());

    for (int i = 0; i < limitCase.steps().size(); i++) {
      Step step = limitCase.steps().get(i);
      RateLimitOutcome outcome = limitCase.policy().decide(state, step.atNanos(), step.cost());

      assertThat(step.mismatch(outcome.decision())).as("step %d", i + 1).isNull();
      if (!outcome.decision().allowed()) {
        assertThat(outcome.next()).as("a refusal keeps the state").isSameAs(state);
      }
      state = outcome.next();
    }
  }
}
