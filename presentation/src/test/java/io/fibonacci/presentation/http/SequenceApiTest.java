package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sequence pages over HTTP: their shape, links, caching, the byte cap, and every refusal. */
@MicronautTest
@Property(name = "fibonacci.max-n", value = "100000")
@Property(name = "fibonacci.sequence.max-page-bytes", value = "8192")
class SequenceApiTest {

  private static final Pattern ITEM = Pattern.compile("\\{\"n\":(\\d+),\"value\":\"(\\d+)\"}");

  @Inject EmbeddedServer server;

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  @Test
  void servesAPageWithItsLinksAsImmutableJson() {
    var page = http().get("/api/v1/sequence?start=0&limit=5");
    String tag = page.headers().firstValue("ETag").orElseThrow();
    var again = http().get("/api/v1/sequence?limit=5", "If-None-Match", tag);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .isEqualTo(
            "{\"start\":0,\"limit\":5,\"order\":\"asc\",\"total\":100001,\"items\":["
                + "{\"n\":0,\"value\":\"0\"},{\"n\":1,\"value\":\"1\"},{\"n\":2,\"value\":\"1\"},"
                + "{\"n\":3,\"value\":\"2\"},{\"n\":4,\"value\":\"3\"}]}");
    assertThat(page.headers().firstValue("Link"))
        .hasValue(
            "</api/v1/sequence?start=5&limit=5&order=asc>; rel=\"next\", "
                + "</api/v1/sequence?start=0&limit=5&order=asc>; rel=\"first\", "
                + "</api/v1/sequence?start=99996&limit=5&order=asc>; rel=\"last\"");
    assertThat(page.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(page.headers().firstValue("X-Request-Cost")).hasValue("1");
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void goesDownwardsAndLinksBothWays() {
    var page = http().get("/api/v1/sequence?start=10&limit=3&order=desc");

    assertThat(items(page.body()))
        .containsExactly(List.of(10, "55"), List.of(9, "34"), List.of(8, "21"));
    assertThat(page.headers().firstValue("Link").orElseThrow())
        .contains("<" + "/api/v1/sequence?start=7&limit=3&order=desc>; rel=\"next\"")
        .contains("</api/v1/sequence?start=13&limit=3&order=desc>; rel=\"prev\"")
        .contains("</api/v1/sequence?start=100000&limit=3&order=desc>; rel=\"first\"")
        .contains("</api/v1/sequence?start=2&limit=3&order=desc>; rel=\"last\"");
  }

  @Test
  void endsAtBothEndsOfTheSequenceWithoutANextLink() {
    var top = http().get("/api/v1/sequence?start=100000&limit=10");
    var bottom = http().get("/api/v1/sequence?start=1&limit=10&order=desc");

    assertThat(items(top.body())).extracting(item -> item.get(0)).containsExactly(100000);
    assertThat(top.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"next\"");
    assertThat(items(bottom.body())).extracting(item -> item.get(1)).containsExactly("1", "0");
    assertThat(bottom.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"next\"");
  }

  @Test
  void holdsOneValueLargerThanTheByteCapAlone() {
    var page = http().get("/api/v1/sequence?start=99990&limit=5");

    // F(99990) has 20,897 digits, more than the 8,192 bytes a page holds here: alone, then next
    assertThat(items(page.body())).extracting(item -> item.get(0)).containsExactly(99990);
    assertThat(page.headers().firstValue("Link").orElseThrow())
        .contains("</api/v1/sequence?start=99991&limit=5&order=asc>; rel=\"next\"");
  }

  @Test
  void holdsTheSameValuesAsSingleRequests() {
    SplittableRandom random = new SplittableRandom(12);
    for (int round = 0; round < 6; round++) {
      int start = random.nextInt(0, 3_000);
      var page = http().get("/api/v1/sequence?start=" + start + "&limit=20");

      for (List<Object> item : items(page.body())) {
        String single =
            http().get("/api/v1/fibonacci/" + item.get(0), "Accept", "text/plain").body();
        assertThat(item.get(1)).as("F(%s)", item.get(0)).isEqualTo(single);
      }
    }
  }

  @Test
  void stopsBeforeTheByteCapAndContinuesWhereItStopped() {
    var page = http().get("/api/v1/sequence?start=2000&limit=100");
    List<List<Object>> items = items(page.body());
    int next = 2000 + items.size();
    var following = http().get("/api/v1/sequence?start=" + next + "&limit=100");

    // F(2000) has 418 digits: with 24 bytes a row, 18 rows fit in 8,192 bytes
    assertThat(items).hasSize(18);
    assertThat(page.body().length()).isLessThanOrEqualTo(8_192 + 96);
    assertThat(page.headers().firstValue("Link").orElseThrow())
        .contains("</api/v1/sequence?start=" + next + "&limit=100&order=asc>; rel=\"next\"");
    assertThat(items(following.body()).get(0).get(0)).isEqualTo(next);
    assertThat(new BigInteger((String) items(following.body()).get(0).get(1)))
        .isEqualTo(
            new BigInteger((String) items.get(items.size() - 1).get(1))
                .add(new BigInteger((String) items.get(items.size() - 2).get(1))));
  }

  @Test
  void sendsPagesUncompressedEvenToClientsThatAcceptGzip() {
    var page = http().bytes("/api/v1/sequence?start=1000&limit=30", "Accept-Encoding", "gzip");

    assertThat(page.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(page.body().length).isGreaterThan(1_024);
  }

  @Test
  void refusesEveryBadParameterNamingWhatItAccepts() {
    assertProblem(http().get("/api/v1/sequence?start=-1"), "start is not a plain decimal integer");
    assertProblem(
        http().get("/api/v1/sequence?start=100001"),
        "start is too large: start must be an integer from 0 to 100000");
    assertProblem(http().get("/api/v1/sequence?start="), "start is required");
    assertProblem(
        http().get("/api/v1/sequence?limit=0"),
        "limit is too small: limit must be an integer from 1 to 1000");
    assertProblem(http().get("/api/v1/sequence?limit=1001"), "limit is too large");
    assertProblem(
        http().get("/api/v1/sequence?order=up"),
        "order is not one of the accepted values: order must be asc or desc");
    assertProblem(http().get("/api/v1/sequence?start=1&start=2"), "start is given 2 times");
    assertThat(http().get("/api/v1/sequence", "Accept", "image/png").statusCode()).isEqualTo(406);
  }

  static List<List<Object>> items(String body) {
    Matcher matcher = ITEM.matcher(body);
    List<List<Object>> items = new java.util.ArrayList<>();
    while (matcher.find()) {
      items.add(List.of(Integer.parseInt(matcher.group(1)), matcher.group(2)));
    }
    return items;
  }

  private static void assertProblem(HttpResponse<String> response, String detail) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains(detail).doesNotContain("Exception");
  }
}
