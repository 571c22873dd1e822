package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.presentation.http.fibonacci.FibonacciResponse;
import io.fibonacci.presentation.http.fibonacci.SeedFibonacciResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

@MicronautTest
class FibonacciApiTest {

  private static final String F_100 = "354224848179261915075";

  @Inject EmbeddedServer server;
  @Inject ObjectMapper json;

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  @Test
  void answersJsonWithTheValueAsAStringAndItsDigitCount() throws IOException {
    var response = http().get("/api/v1/fibonacci/100");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"n\":100,\"value\":\"" + F_100 + "\",\"digits\":21}");
    assertThat(json.readValue(response.body(), FibonacciResponse.class))
        .isEqualTo(new FibonacciResponse(100, F_100, 21));
  }

  @Test
  void answersTheQueryFormWithTheSameResource() {
    var byPath = http().get("/api/v1/fibonacci/100");
    var byQuery = http().get("/api/v1/fibonacci?n=100");

    assertThat(byQuery.statusCode()).isEqualTo(200);
    assertThat(byQuery.body()).isEqualTo(byPath.body());
    assertThat(byQuery.headers().firstValue("ETag")).isEqualTo(byPath.headers().firstValue("ETag"));
  }

  @Test
  void answersBareDigitsForTextPlain() {
    var response = http().get("/api/v1/fibonacci/100", "Accept", "text/plain");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
    assertThat(response.body()).isEqualTo(F_100);
  }

  @Test
  void prefersTheRepresentationWithTheHighestQuality() {
    var text = http().get("/api/v1/fibonacci/10", "Accept", "application/json;q=0.5, text/plain");
    var json = http().get("/api/v1/fibonacci/10", "Accept", "text/html, */*;q=0.8");

    assertThat(text.body()).isEqualTo("55");
    assertThat(json.body()).isEqualTo("{\"n\":10,\"value\":\"55\",\"digits\":2}");
  }

  @Test
  void answersTheFirstPositionsExactly() {
    assertThat(http().get("/api/v1/fibonacci/0").body())
        .isEqualTo("{\"n\":0,\"value\":\"0\",\"digits\":1}");
    assertThat(http().get("/api/v1/fibonacci/1").body())
        .isEqualTo("{\"n\":1,\"value\":\"1\",\"digits\":1}");
    assertThat(http().get("/api/v1/fibonacci/2").body())
        .isEqualTo("{\"n\":2,\"value\":\"1\",\"digits\":1}");
  }

  @Test
  void answersALargePositionComputedOffTheEventLoopExactly() {
    var response = http().get("/api/v1/fibonacci/100000", "Accept", "text/plain");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .hasSize(20_899)
        .startsWith("25974069347221724166")
        .endsWith("49895374653428746875");
    assertThat(response.headers().firstValue("X-Request-Cost")).hasValue("2");
  }

  @Test
  void acceptsLeadingZeros() {
    var response = http().get("/api/v1/fibonacci/0010");

    assertThat(response.body()).isEqualTo("{\"n\":10,\"value\":\"55\",\"digits\":2}");
  }

  @Test
  void marksEveryAnswerImmutableWithAStableStrongTag() {
    var response = http().get("/api/v1/fibonacci/42");

    assertThat(response.headers().firstValue("ETag")).hasValue("\"fib-v1-42-json\"");
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(response.headers().firstValue("Vary")).hasValue("Accept, Accept-Encoding");
    assertThat(response.headers().firstValue("X-Request-Cost")).hasValue("1");
  }

  @Test
  void tagsEachRepresentationDifferently() {
    var json = http().get("/api/v1/fibonacci/42");
    var text = http().get("/api/v1/fibonacci/42", "Accept", "text/plain");

    assertThat(text.headers().firstValue("ETag")).hasValue("\"fib-v1-42-text\"");
    assertThat(text.headers().firstValue("ETag")).isNotEqualTo(json.headers().firstValue("ETag"));
  }

  @Test
  void answersNotModifiedWithoutABodyWhenTheTagMatches() {
    var response =
        http().get("/api/v1/fibonacci/42", "If-None-Match", "\"other\", W/\"fib-v1-42-json\"");

    assertThat(response.statusCode()).isEqualTo(HttpStatus.NOT_MODIFIED.getCode());
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("ETag")).hasValue("\"fib-v1-42-json\"");
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
  }

  @Test
  void matchesAStrongFormOfTheTagAndTheWildcard() {
    var strong = http().get("/api/v1/fibonacci/42", "If-None-Match", "\"fib-v1-42-json\"");
    var wildcard = http().get("/api/v1/fibonacci/42", "If-None-Match", "*");

    assertThat(strong.statusCode()).isEqualTo(304);
    assertThat(wildcard.statusCode()).isEqualTo(304);
  }

  @Test
  void answersInFullWhenTheTagIsForAnotherRepresentation() {
    var response =
        http()
            .get(
                "/api/v1/fibonacci/42",
                "Accept",
                "text/plain",
                "If-None-Match",
                "W/\"fib-v1-42-json\"");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("267914296");
  }

  @Test
  void echoesAWellFormedRequestIdAndReplacesABadOne() {
    var echoed = http().get("/api/v1/fibonacci/5", "X-Request-Id", "abc-123_X.y");
    var replaced = http().get("/api/v1/fibonacci/5", "X-Request-Id", "bad id with spaces");
    var created = http().get("/api/v1/fibonacci/5");

    assertThat(echoed.headers().firstValue("X-Request-Id")).hasValue("abc-123_X.y");
    assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");
    assertThat(created.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{32}");
  }

  @Test
  void compressesLargeBodiesUnderATagOfTheirOwn() {
    var response = http().get("/api/v1/fibonacci/20000", "Accept-Encoding", "gzip");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(response.headers().firstValue("ETag")).hasValue("\"fib-v1-20000-json-gzip\"");
  }

  @Test
  void answersTheSeedRoutesWithTheValueAsAJsonNumber() throws IOException {
    var byQuery = http().get("/fibonacci?n=100");
    var byPath = http().get("/fibonacci/100");

    assertThat(byQuery.statusCode()).isEqualTo(200);
    assertThat(byQuery.body()).isEqualTo("{\"n\":100,\"fibonacci\":" + F_100 + "}");
    assertThat(byPath.body()).isEqualTo(byQuery.body());
    assertThat(json.readValue(byQuery.body(), SeedFibonacciResponse.class).fibonacci())
        .isEqualTo(new BigInteger(F_100));
    assertThat(byQuery.headers().firstValue("ETag")).hasValue("\"fib-v1-100-seed\"");
    assertThat(byQuery.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(byQuery.headers().firstValue("Vary")).hasValue("Accept-Encoding");
  }

  @Test
  void answersNotModifiedOnTheSeedRoutesToo() {
    var response = http().get("/fibonacci/7", "If-None-Match", "W/\"fib-v1-7-seed\"");

    assertThat(response.statusCode()).isEqualTo(304);
  }
}
