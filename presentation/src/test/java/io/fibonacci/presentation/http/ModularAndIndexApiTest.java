package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** F(n) mod m, π(m) and the position of a value over HTTP: answers, caching, and every refusal. */
@MicronautTest
@Property(name = "fibonacci.max-n", value = "100000")
class ModularAndIndexApiTest {

  @Inject EmbeddedServer server;

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  @Test
  void answersFOfNModMForHugeNAsImmutableJson() {
    var response = http().get("/api/v1/fibonacci/1000000000000000000/mod/1000000007");
    String tag = response.headers().firstValue("ETag").orElseThrow();
    var again =
        http().get("/api/v1/fibonacci/001000000000000000000/mod/1000000007", "If-None-Match", tag);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("{\"n\":\"1000000000000000000\",\"m\":\"1000000007\",\"value\":\"209783453\"}");
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(response.headers().firstValue("X-Request-Cost")).hasValue("1");
    assertThat(response.headers().firstValue("RateLimit-Policy")).isPresent();
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void reducesAThousandDigitNModuloAThousandDigitMOnThePool() {
    String n = "7".repeat(1_000);
    BigInteger m = BigInteger.TEN.pow(999).add(BigInteger.valueOf(7));

    var response = http().get("/api/v1/fibonacci/" + n + "/mod/" + m);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"n\":\"" + n + "\",\"m\":\"" + m + "\",\"value\":\"");
    assertThat(Long.parseLong(response.headers().firstValue("X-Request-Cost").orElseThrow()))
        .isGreaterThan(1);
  }

  @Test
  void refusesEveryBadOperandWithAProblemNamingTheAllowedRange() {
    String nRange = "n must be an integer from 0 to 10^1000 - 1";
    String mRange = "m must be an integer from 1 to 10^1000 - 1";
    assertProblem(http().get("/api/v1/fibonacci/5/mod/0"), "m is too small: " + mRange);
    assertProblem(http().get("/api/v1/fibonacci/5/mod/-3"), "m is not a plain decimal integer");
    assertProblem(http().get("/api/v1/fibonacci/5/mod/1e3"), mRange);
    assertProblem(http().get("/api/v1/fibonacci/5/mod/" + "9".repeat(1_001)), "m is too large");
    assertProblem(http().get("/api/v1/fibonacci/" + "9".repeat(1_001) + "/mod/7"), nRange);
    assertProblem(http().get("/api/v1/fibonacci/x/mod/7"), "n is not a plain decimal integer");
    assertProblem(http().get("/api/v1/pisano/0"), "m must be an integer from 1 to 10^12");
    assertProblem(http().get("/api/v1/pisano/1000000000001"), "m is too large");
    assertProblem(http().get("/api/v1/pisano/ten"), "m is not a plain decimal integer");
  }

  @Test
  void answersPisanoPeriodsUpTo10To12() {
    var ten = http().get("/api/v1/pisano/10");
    var largest = http().get("/api/v1/pisano/1000000000000");

    assertThat(ten.statusCode()).isEqualTo(200);
    assertThat(ten.body()).isEqualTo("{\"m\":10,\"period\":60}");
    assertThat(ten.headers().firstValue("ETag")).isPresent();
    assertThat(largest.body()).isEqualTo("{\"m\":1000000000000,\"period\":1500000000000}");
    assertThat(largest.headers().firstValue("X-Request-Cost")).hasValue("3");
  }

  @Test
  void findsThePositionOfAValueOrItsNeighbours() {
    var twelve = http().get("/api/v1/fibonacci-index?value=144");
    var one = http().get("/api/v1/fibonacci-index?value=1");
    var between = http().get("/api/v1/fibonacci-index?value=1000");

    assertThat(twelve.body()).isEqualTo("{\"value\":\"144\",\"fibonacci\":true,\"n\":12}");
    assertThat(one.body()).isEqualTo("{\"value\":\"1\",\"fibonacci\":true,\"n\":1}");
    assertThat(between.body())
        .isEqualTo("{\"value\":\"1000\",\"fibonacci\":false,\"below\":16,\"above\":17}");
    assertThat(twelve.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
  }

  @Test
  void findsTheLargestComputableValueFromABodyButNotOneDigitMore() {
    String fMax = http().get("/api/v1/fibonacci/100000", "Accept", "text/plain").body();
    String beyond = fMax + "0";

    var exact =
        http()
            .sendBody("POST", "/api/v1/fibonacci-index", fMax + "\n", "Content-Type", "text/plain");
    var tooLong =
        http().sendBody("POST", "/api/v1/fibonacci-index", beyond, "Content-Type", "text/plain");
    var json =
        http()
            .sendBody(
                "POST",
                "/api/v1/fibonacci-index",
                "{\"value\":1}",
                "Content-Type",
                "application/json");
    var viaQuery = http().get("/api/v1/fibonacci-index?value=" + "1".repeat(10_001));

    assertThat(exact.statusCode()).isEqualTo(200);
    assertThat(exact.body()).endsWith("\",\"fibonacci\":true,\"n\":100000}");
    assertProblem(
        tooLong,
        "value is too large: value must be a non-negative integer of at most "
            + fMax.length()
            + " decimal digits");
    assertThat(json.statusCode()).isEqualTo(415);
    assertProblem(viaQuery, "POST it to /api/v1/fibonacci-index as a text/plain body");
  }

  @Test
  void refusesAMissingRepeatedOrMalformedValue() {
    assertProblem(http().get("/api/v1/fibonacci-index"), "value is required");
    assertProblem(http().get("/api/v1/fibonacci-index?value=1&value=2"), "value is given 2 times");
    assertProblem(
        http().get("/api/v1/fibonacci-index?value=-8"), "value is not a plain decimal integer");
  }

  private static void assertProblem(HttpResponse<String> response, String detail) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains(detail).doesNotContain("Exception");
  }
}
