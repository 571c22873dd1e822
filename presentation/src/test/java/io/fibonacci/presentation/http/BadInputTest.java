package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@MicronautTest
@Property(name = "fibonacci.max-n", value = "1000000")
class BadInputTest {

  private static final String RANGE = "n must be an integer between 0 and 1000000";

  @Inject EmbeddedServer server;

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"status\":" + status)
        .contains("\"type\":")
        .contains("\"title\":")
        .contains(detail)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "1.5",
        "1e3",
        "+5",
        "-1",
        " 5",
        "5 ",
        "0x10",
        "٣",
        "１２",
        "1_000",
        "1,000",
        "1000001",
        "99999999999999999999",
        "NaN",
        "%00"
      })
  void rejectsEveryMalformedOrOutOfRangePositionNamingTheRange(String n) {
    assertProblem(http().get("/api/v1/fibonacci/" + encoded(n)), 400, RANGE);
    assertProblem(http().get("/api/v1/fibonacci?n=" + encoded(n)), 400, RANGE);
    assertProblem(http().get("/fibonacci?n=" + encoded(n)), 400, RANGE);
    assertProblem(http().get("/fibonacci/" + encoded(n)), 400, RANGE);
  }

  @Test
  void rejectsAFiveThousandDigitPosition() {
    String huge = "9".repeat(5_000);

    assertProblem(http().get("/api/v1/fibonacci/" + huge), 400, RANGE);
    assertProblem(http().get("/api/v1/fibonacci?n=" + huge), 400, RANGE);
  }

  @Test
  void rejectsAMissingOrEmptyPosition() {
    assertProblem(http().get("/api/v1/fibonacci"), 400, "n is required: " + RANGE);
    assertProblem(http().get("/api/v1/fibonacci?n="), 400, RANGE);
    assertProblem(http().get("/fibonacci"), 400, RANGE);
    assertProblem(http().get("/api/v1/fibonacci?m=5"), 400, RANGE);
  }

  @Test
  void rejectsAPositionGivenTwice() {
    assertProblem(http().get("/api/v1/fibonacci?n=5&n=5"), 400, "n is given 2 times");
    assertProblem(http().get("/fibonacci?n=5&n=6"), 400, "n is given 2 times");
  }

  @Test
  void answersAnUnknownPathWithNotFound() {
    assertProblem(http().get("/api/v2/fibonacci/5"), 404, "no resource at this path");
    assertProblem(http().get("/api/v1/fibonacci/5/6"), 404, "no resource at this path");
  }

  @Test
  void answersAWrongMethodWithMethodNotAllowed() {
    var response = http().send("POST", "/api/v1/fibonacci/5");

    assertProblem(response, 405, "");
    assertThat(response.headers().firstValue("Allow").orElse("")).contains("GET");
  }

  @Test
  void answersAnUnofferedMediaTypeWithNotAcceptable() {
    var response = http().get("/api/v1/fibonacci/5", "Accept", "image/png");

    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void refusesAnOversizedRequestLineWithAClientError() {
    String status =
        http().raw("GET /api/v1/fibonacci/" + "1".repeat(40_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(status).matches("HTTP/1\\.[01] 4\\d\\d .*");
  }

  @Test
  void refusesOversizedHeadersWithAClientError() {
    String status =
        http()
            .raw(
                "GET /api/v1/fibonacci/5 HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "a".repeat(40_000)
                    + "\r\n\r\n");

    assertThat(status).matches("HTTP/1\\.[01] 4\\d\\d .*");
  }

  @Test
  void staysUpAndCorrectAfterHostileInput() {
    http().raw("GARBAGE\r\n\r\n");
    http().raw("GET /api/v1/fibonacci/%ZZ HTTP/1.1\r\nHost: x\r\n\r\n");

    var response = http().get("/api/v1/fibonacci/10");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void neverAnswersAMalformedPercentEncodingWithAServerError() {
    String status = http().raw("GET /api/v1/fibonacci/%ZZ HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(status).matches("HTTP/1\\.1 4\\d\\d .*");
  }
}
