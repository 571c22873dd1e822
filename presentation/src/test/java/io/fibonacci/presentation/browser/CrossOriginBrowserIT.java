package io.fibonacci.presentation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.presentation.http.KnownVectors;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page on another origin calls the API with the browser's own fetch: what it can read, what the
 * browser sends (gzip, preflights) and what it refuses, in a real Chromium.
 */
class CrossOriginBrowserIT {

  private static EmbeddedServer api;
  private static EmbeddedServer restricted;
  private static PageServer page;
  private static ChromeDriver browser;

  @BeforeAll
  static void startServersAndBrowser() {
    api = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1));
    restricted =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of("micronaut.server.port", -1, "cors.allowed-origins", "http://allowed.example"));
    page = new PageServer();
    browser = Chromium.start();
    browser.get(page.origin() + "/");
  }

  @AfterAll
  static void stopEverything() {
    if (browser != null) {
      browser.quit();
    }
    if (page != null) {
      page.close();
    }
    if (restricted != null) {
      restricted.close();
    }
    if (api != null) {
      api.close();
    }
  }

  /** Runs an async function body in the page; its {@code return} value comes back. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> inPage(String asyncBody, Object... args) {
    String script =
        "const done = arguments[arguments.length - 1];"
            + "const args = Array.from(arguments).slice(0, -1);"
            + "(async () => {"
            + asyncBody
            + "})().then(done, e => done({error: e.name + ': ' + e.message}));";
    return (Map<String, Object>) browser.executeAsyncScript(script, args);
  }

  private static String apiUrl(EmbeddedServer server) {
    return "http://localhost:" + server.getPort();
  }

  private static final String READ_VALUE =
      "const r = await fetch(args[0], {cache: 'no-store'});"
          + "const body = await r.json();"
          + "const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body.value));"
          + "return {status: r.status, digits: body.digits, length: body.value.length,"
          + " value: body.value.length < 100 ? body.value : null,"
          + " sha256: [...new Uint8Array(hash)].map(b => b.toString(16).padStart(2, '0')).join(''),"
          + " encoding: r.headers.get('content-encoding'), etag: r.headers.get('etag'),"
          + " rateLimit: r.headers.get('ratelimit'), policy: r.headers.get('ratelimit-policy'),"
          + " requestId: r.headers.get('x-request-id'), cost: r.headers.get('x-request-cost')};";

  @Test
  void aPageOnAnotherOriginReadsASmallValueAndItsHeaders() {
    Map<String, Object> answer = inPage(READ_VALUE, apiUrl(api) + "/api/v1/fibonacci/10");

    assertThat(answer).doesNotContainKey("error");
    assertThat(answer.get("status")).isEqualTo(200L);
    assertThat(answer.get("value")).isEqualTo("55");
    assertThat((String) answer.get("etag")).isEqualTo("\"fib-v1-10-json\"");
    assertThat((String) answer.get("rateLimit")).startsWith("\"bucket\";r=");
    assertThat((String) answer.get("policy")).contains("q=");
    assertThat((String) answer.get("requestId")).matches("[0-9a-f]{32}");
    assertThat(answer.get("cost")).isEqualTo("1");
  }

  @Test
  void aPageReadsAMillionthValueThatTheBrowserGotGzipped() {
    Map<String, Object> answer = inPage(READ_VALUE, apiUrl(api) + "/api/v1/fibonacci/1000000");

    assertThat(answer).doesNotContainKey("error");
    assertThat(answer.get("status")).isEqualTo(200L);
    assertThat(answer.get("encoding")).isEqualTo("gzip");
    assertThat((String) answer.get("etag")).isEqualTo("\"fib-v1-1000000-json-gzip\"");
    assertThat(answer.get("length")).isEqualTo(208_988L);
    assertThat(answer.get("digits")).isEqualTo(208_988L);
    assertThat(answer.get("sha256")).isEqualTo(KnownVectors.of(1_000_000).sha256());
  }

  @Test
  void aPreflightedConditionalRequestGetsNotModified() {
    Map<String, Object> answer =
        inPage(
            "const first = await fetch(args[0], {cache: 'no-store'});"
                + "const tag = first.headers.get('etag');"
                + "const again = await fetch(args[0], {cache: 'no-store',"
                + " headers: {'If-None-Match': tag, 'X-Request-Id': 'browser-check-1'}});"
                + "return {tag, status: again.status, requestId: again.headers.get('x-request-id')};",
            apiUrl(api) + "/api/v1/fibonacci/20000");

    assertThat(answer).doesNotContainKey("error");
    assertThat(answer.get("tag")).isEqualTo("\"fib-v1-20000-json-gzip\"");
    assertThat(answer.get("status")).isEqualTo(304L);
    assertThat(answer.get("requestId")).isEqualTo("browser-check-1");
  }

  @Test
  void aPreflightedRangeRequestGetsTheBytesAsked() {
    Map<String, Object> answer =
        inPage(
            "const r = await fetch(args[0], {cache: 'no-store',"
                + " headers: {'Accept': 'text/plain', 'Range': 'bytes=0-9', 'X-Request-Id': 'range-1'}});"
                + "return {status: r.status, body: await r.text(),"
                + " contentRange: r.headers.get('content-range'),"
                + " acceptRanges: r.headers.get('accept-ranges')};",
            apiUrl(api) + "/api/v1/fibonacci/100");

    assertThat(answer).doesNotContainKey("error");
    assertThat(answer.get("status")).isEqualTo(206L);
    assertThat(answer.get("body")).isEqualTo("3542248481");
    assertThat(answer.get("contentRange")).isEqualTo("bytes 0-9/21");
    assertThat(answer.get("acceptRanges")).isEqualTo("bytes");
  }

  @Test
  void theBrowserRefusesAnAnswerForAnOriginNotListed() {
    Map<String, Object> listedElsewhere =
        inPage(READ_VALUE, apiUrl(restricted) + "/api/v1/fibonacci/10");

    assertThat(listedElsewhere.get("error")).asString().startsWith("TypeError");
  }
}
