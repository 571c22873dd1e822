package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Content codings, HEAD and ranges on the F(n) routes, as real clients send them. */
@MicronautTest
@Property(name = "rate-limit.enabled", value = "false")
class WireRepresentationTest {

  private static final String TEXT = "text/plain";

  @Inject EmbeddedServer server;

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  private static byte[] gunzip(byte[] body) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @ValueSource(ints = {9999, 10_000, 65_535, 100_000, 1_000_000})
  void gzipsLargeValuesToExactlyTheKnownDigits(int n) {
    var vector = KnownVectors.of(n);

    var text = http().bytes("/api/v1/fibonacci/" + n, "Accept", TEXT, "Accept-Encoding", "gzip");

    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(header(text, "Content-Encoding")).isEqualTo("gzip");
    byte[] digits = gunzip(text.body());
    assertThat(digits).hasSize(vector.digits());
    assertThat(KnownVectors.sha256(digits)).isEqualTo(vector.sha256());
    assertThat(text.body().length).isLessThan(digits.length / 2);
  }

  @Test
  void gzipsEveryRepresentationToItsIdentityBytes() {
    String[][] routes = {
      {"/api/v1/fibonacci/30000", "application/json"},
      {"/api/v1/fibonacci/30000", TEXT},
      {"/fibonacci/30000", "application/json"}
    };
    for (String[] route : routes) {
      String path = route[0];
      String accept = route[1];
      {
        var identity = http().bytes(path, "Accept", accept);
        var gzip = http().bytes(path, "Accept", accept, "Accept-Encoding", "gzip, deflate, br");

        assertThat(header(identity, "Content-Encoding")).isNull();
        assertThat(header(gzip, "Content-Encoding")).isEqualTo("gzip");
        assertThat(gunzip(gzip.body())).isEqualTo(identity.body());
        assertThat(header(gzip, "Content-Type")).isEqualTo(header(identity, "Content-Type"));
      }
    }
  }

  @Test
  void tagsEachCodingStronglyAndDifferently() {
    var identity = http().bytes("/api/v1/fibonacci/30000");
    var gzip = http().bytes("/api/v1/fibonacci/30000", "Accept-Encoding", "gzip");

    assertThat(header(identity, "ETag")).isEqualTo("\"fib-v1-30000-json\"");
    assertThat(header(gzip, "ETag")).isEqualTo("\"fib-v1-30000-json-gzip\"");
    assertThat(header(gzip, "Vary")).isEqualTo("Accept, Accept-Encoding");
    assertThat(header(gzip, "Accept-Ranges")).isEqualTo("bytes");
  }

  @Test
  void answersNotModifiedForTheTagOfTheNegotiatedCoding() {
    var hit =
        http()
            .bytes(
                "/api/v1/fibonacci/30000",
                "Accept-Encoding",
                "gzip",
                "If-None-Match",
                "\"fib-v1-30000-json-gzip\"");
    var otherCoding =
        http()
            .bytes(
                "/api/v1/fibonacci/30000",
                "Accept-Encoding",
                "gzip",
                "If-None-Match",
                "\"fib-v1-30000-json\"");

    assertThat(hit.statusCode()).isEqualTo(304);
    assertThat(hit.body()).isEmpty();
    assertThat(header(hit, "ETag")).isEqualTo("\"fib-v1-30000-json-gzip\"");
    assertThat(otherCoding.statusCode()).isEqualTo(200);
  }

  @Test
  void sendsSmallValuesAsTheyAreAndNeverCompressesThemPerResponse() {
    var small = http().bytes("/api/v1/fibonacci/4000", "Accept-Encoding", "gzip");

    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(header(small, "Content-Encoding")).isNull();
    assertThat(ascii(small.body())).startsWith("{\"n\":4000,\"value\":\"");
  }

  @Test
  void neverCompressesAValueInACodingItHasNoCachedFormFor() {
    var deflateOnly = http().bytes("/api/v1/fibonacci/30000", "Accept-Encoding", "deflate");

    assertThat(deflateOnly.statusCode()).isEqualTo(200);
    assertThat(header(deflateOnly, "Content-Encoding")).isNull();
    assertThat(header(deflateOnly, "ETag")).isEqualTo("\"fib-v1-30000-json\"");
  }

  @Test
  void wrapsASmallValueInGzipWhenIdentityIsRefused() {
    var response = http().bytes("/api/v1/fibonacci/10", "Accept-Encoding", "gzip, identity;q=0");

    assertThat(header(response, "Content-Encoding")).isEqualTo("gzip");
    assertThat(header(response, "ETag")).isEqualTo("\"fib-v1-10-json-gzip-stored\"");
    assertThat(ascii(gunzip(response.body())))
        .isEqualTo("{\"n\":10,\"value\":\"55\",\"digits\":2}");
  }

  @Test
  void followsTheClientsQualities() {
    var lowGzip =
        http().bytes("/api/v1/fibonacci/30000", "Accept-Encoding", "gzip;q=0.5, identity");
    var noGzip = http().bytes("/api/v1/fibonacci/30000", "Accept-Encoding", "gzip;q=0");
    var wildcard = http().bytes("/api/v1/fibonacci/30000", "Accept-Encoding", "*");

    assertThat(header(lowGzip, "Content-Encoding")).isNull();
    assertThat(header(noGzip, "Content-Encoding")).isNull();
    assertThat(header(wildcard, "Content-Encoding")).isEqualTo("gzip");
  }

  @ParameterizedTest
  @ValueSource(strings = {"br;q=1, identity;q=0", "*;q=0", "gzip;q=0, identity;q=0"})
  void answersNotAcceptableWhenNoCodingIsAcceptable(String acceptEncoding) {
    var response = http().get("/api/v1/fibonacci/30000", "Accept-Encoding", acceptEncoding);

    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.body()).contains("urn:fibonacci:problem:not-acceptable");
  }

  @Test
  void answersHeadWithTheLengthGetWouldSendAndNoBody() {
    for (String coding : new String[] {"identity", "gzip"}) {
      var get = http().bytes("/api/v1/fibonacci/100000", "Accept-Encoding", coding);
      var head = http().sendForBytes("HEAD", "/api/v1/fibonacci/100000", "Accept-Encoding", coding);

      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(get.body().length));
      assertThat(header(head, "ETag")).isEqualTo(header(get, "ETag"));
      assertThat(header(head, "Content-Encoding")).isEqualTo(header(get, "Content-Encoding"));
    }
  }

  @Test
  void servesOneByteRangeOfTheIdentityBytes() {
    byte[] full = http().bytes("/api/v1/fibonacci/100000", "Accept", TEXT).body();

    var first = http().bytes("/api/v1/fibonacci/100000", "Accept", TEXT, "Range", "bytes=0-9");
    var suffix = http().bytes("/api/v1/fibonacci/100000", "Accept", TEXT, "Range", "bytes=-5");
    var open = http().bytes("/api/v1/fibonacci/100000", "Accept", TEXT, "Range", "bytes=20000-");

    assertThat(first.statusCode()).isEqualTo(206);
    assertThat(header(first, "Content-Range")).isEqualTo("bytes 0-9/" + full.length);
    assertThat(first.body()).isEqualTo(Arrays.copyOfRange(full, 0, 10));
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(full, full.length - 5, full.length));
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(full, 20000, full.length));
    assertThat(header(open, "ETag")).isEqualTo("\"fib-v1-100000-text\"");
  }

  @Test
  void servesARangeFromTheIdentityBytesWhenTheClientAlsoAcceptsGzip() {
    var response =
        http()
            .bytes(
                "/api/v1/fibonacci/100000",
                "Accept",
                TEXT,
                "Accept-Encoding",
                "gzip, deflate",
                "Range",
                "bytes=0-4");

    assertThat(response.statusCode()).isEqualTo(206);
    assertThat(header(response, "Content-Encoding")).isNull();
    assertThat(ascii(response.body())).isEqualTo("25974");
  }

  @Test
  void resumesATwoMegabyteDownload() {
    var vector = KnownVectors.of(10_000_000);
    String path = "/api/v1/fibonacci/10000000";

    var start = http().bytes(path, "Accept", TEXT, "Range", "bytes=0-999999");
    String tag = header(start, "ETag");
    var rest = http().bytes(path, "Accept", TEXT, "Range", "bytes=1000000-", "If-Range", tag);

    assertThat(start.statusCode()).isEqualTo(206);
    assertThat(rest.statusCode()).isEqualTo(206);
    var whole = new ByteArrayOutputStream();
    whole.writeBytes(start.body());
    whole.writeBytes(rest.body());
    assertThat(whole.size()).isEqualTo(vector.digits());
    assertThat(KnownVectors.sha256(whole.toByteArray())).isEqualTo(vector.sha256());
  }

  @Test
  void sendsEverythingWhenIfRangeDoesNotMatchStrongly() {
    String path = "/api/v1/fibonacci/30000";

    var other = http().bytes(path, "Range", "bytes=0-9", "If-Range", "\"fib-v1-30000-text\"");
    var weak = http().bytes(path, "Range", "bytes=0-9", "If-Range", "W/\"fib-v1-30000-json\"");
    var date =
        http().bytes(path, "Range", "bytes=0-9", "If-Range", "Tue, 01 Dec 2026 08:00:00 GMT");
    var same = http().bytes(path, "Range", "bytes=0-9", "If-Range", "\"fib-v1-30000-json\"");

    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(weak.statusCode()).isEqualTo(200);
    assertThat(date.statusCode()).isEqualTo(200);
    assertThat(same.statusCode()).isEqualTo(206);
  }

  @Test
  void refusesARangePastTheEndWithTheLength() {
    var response = http().bytes("/api/v1/fibonacci/10", "Range", "bytes=1000-");

    assertThat(response.statusCode()).isEqualTo(416);
    assertThat(header(response, "Content-Range")).isEqualTo("bytes */32");
    assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
    assertThat(ascii(response.body())).contains("urn:fibonacci:problem:range-not-satisfiable");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bytes=9-0",
        "bytes=0-0,5-9",
        "bytes=0-1,0-1",
        "lines=1-2",
        "bytes=x-y",
        "bytes=--"
      })
  void sendsEverythingForARangeItDoesNotServe(String range) {
    var response = http().bytes("/api/v1/fibonacci/10", "Range", range);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ascii(response.body())).isEqualTo("{\"n\":10,\"value\":\"55\",\"digits\":2}");
  }

  @Test
  void answersHostileHeadersWithAFullAnswerOrA4xx() {
    String thousandRanges = "bytes=" + "0-0,1-1,".repeat(500);
    String longCodings = "x-unknown;q=0.5, ".repeat(480) + "gzip";

    var ranges = http().bytes("/api/v1/fibonacci/30000", "Range", thousandRanges);
    var codings = http().bytes("/api/v1/fibonacci/30000", "Accept-Encoding", longCodings);
    var weights = http().bytes("/api/v1/fibonacci/30000", "Accept-Encoding", "gzip;q=;q=;;,,;");

    assertThat(ranges.statusCode()).isEqualTo(200);
    assertThat(codings.statusCode()).isBetween(200, 499);
    assertThat(weights.statusCode()).isEqualTo(200);
  }

  @Test
  void keepsFrameworkCompressionForTheDocumentation() {
    var document = http().bytes("/swagger/fibonacci-api.yml", "Accept-Encoding", "gzip");

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(header(document, "Content-Encoding"))
        .as(document.headers().toString())
        .isEqualTo("gzip");
    assertThat(ascii(gunzip(document.body()))).contains("openapi:");
  }
}
