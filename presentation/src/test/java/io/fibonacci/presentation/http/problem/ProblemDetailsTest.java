package io.fibonacci.presentation.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.application.port.in.RateLimitExceededException;
import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.application.port.in.RequestTooCostlyException;
import io.fibonacci.application.port.in.ServerOverloadedException;
import io.fibonacci.domain.model.InvalidPositionException;
import org.junit.jupiter.api.Test;

class ProblemDetailsTest {

  @Test
  void saysWhyAPositionWasRefusedAndWhatIsAllowed() {
    assertThat(ProblemDetails.of(new InvalidPositionException(InvalidPositionException.MISSING, 7)))
        .isEqualTo("n is required: n must be an integer between 0 and 7");
    assertThat(
            ProblemDetails.of(
                new InvalidPositionException(InvalidPositionException.NOT_DECIMAL, 7)))
        .isEqualTo("n is not a plain decimal integer: n must be an integer between 0 and 7");
    assertThat(
            ProblemDetails.of(new InvalidPositionException(InvalidPositionException.TOO_LARGE, 7)))
        .isEqualTo("n is too large: n must be an integer between 0 and 7");
  }

  @Test
  void namesTheCostTheCapacityAndTheLargestAffordablePosition() {
    String detail = ProblemDetails.of(new RequestTooCostlyException(100_000, 101, 100, 99_999));

    assertThat(detail)
        .isEqualTo(
            "n = 100000 costs 101 tokens, more than the rate-limit bucket holds (100):"
                + " n must be an integer between 0 and 99999");
  }

  @Test
  void tellsWhenToComeBack() {
    assertThat(ProblemDetails.of(new RateLimitExceededException(RateLimitStatus.UNLIMITED, 7)))
        .isEqualTo("rate limit exceeded: retry in 7 s");
    assertThat(ProblemDetails.of(new ServerOverloadedException(2)))
        .isEqualTo("the server is busy with other large computations: retry in 2 s");
  }

  @Test
  void keepsTheWordsOfFailuresPresentationFoundItself() {
    assertThat(ProblemDetails.of(new NotAcceptableException("no such media type")))
        .isEqualTo("no such media type");
  }
}
