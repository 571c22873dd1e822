package io.fibonacci.presentation.http.representation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.shared.ContentCoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

  private static ContentCoding preferred(String... fields) {
    return AcceptEncoding.parse(List.of(fields)).preferred();
  }

  @Test
  void sendsIdentityWhenTheFieldIsAbsent() {
    assertThat(AcceptEncoding.parse(List.of()).preferred()).isEqualTo(ContentCoding.IDENTITY);
  }

  @Test
  void prefersGzipWhenBrowsersListIt() {
    assertThat(preferred("gzip, deflate, br, zstd")).isEqualTo(ContentCoding.GZIP);
    assertThat(preferred("GZIP")).isEqualTo(ContentCoding.GZIP);
    assertThat(preferred("x-gzip")).isEqualTo(ContentCoding.GZIP);
  }

  @Test
  void followsTheQualities() {
    assertThat(preferred("gzip;q=0.5, identity")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(preferred("gzip;q=0")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(preferred("identity;q=0.2, gzip;q=0.3")).isEqualTo(ContentCoding.GZIP);
    assertThat(preferred("gzip ; Q=1.000")).isEqualTo(ContentCoding.GZIP);
  }

  @Test
  void readsTheWildcardForCodingsNotNamed() {
    assertThat(preferred("*")).isEqualTo(ContentCoding.GZIP);
    assertThat(preferred("br, *;q=0")).isNull();
    assertThat(preferred("gzip;q=0, *")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(preferred("identity, *;q=0")).isEqualTo(ContentCoding.IDENTITY);
  }

  @Test
  void keepsIdentityAcceptableUnlessRefused() {
    assertThat(preferred("br")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(preferred("")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(preferred("br, identity;q=0")).isNull();
    assertThat(AcceptEncoding.parse(List.of("gzip, identity;q=0")).accepts(ContentCoding.IDENTITY))
        .isFalse();
  }

  @Test
  void ignoresElementsWithMalformedWeights() {
    assertThat(preferred("gzip;q=2")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(preferred("gzip;q=abc")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(preferred("gzip;q=0.12345")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(preferred("gzip;q=1.5")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(preferred("identity;q=-1, gzip")).isEqualTo(ContentCoding.GZIP);
  }

  @Test
  void readsEveryFieldLine() {
    assertThat(preferred("br", "gzip")).isEqualTo(ContentCoding.GZIP);
  }

  @Test
  void stopsReadingAtTheFieldLimit() {
    String padding = "x-unknown, ".repeat(AcceptEncoding.MAX_FIELD_LENGTH / 11 + 1);

    assertThat(preferred(padding + "gzip")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(preferred("gzip, " + padding)).isEqualTo(ContentCoding.GZIP);
  }
}
