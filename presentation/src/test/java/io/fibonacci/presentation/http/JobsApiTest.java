package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.FibonacciNumbers;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job routes with a worker running: submit, wait, read the value, remove. */
@MicronautTest
@Property(name = "fibonacci.max-n", value = "1000")
@Property(name = "fibonacci.jobs.max-n", value = "400000")
@Property(name = "fibonacci.jobs.max-active-per-client", value = "50")
@Property(name = "fibonacci.cache.warm-up-count", value = "0")
@Property(name = "rate-limit.trusted-proxies", value = "127.0.0.1")
class JobsApiTest {

  private static final String JSON = "application/json";
  private static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]{22})\"");

  @Inject EmbeddedServer server;

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  private HttpResponse<String> submit(String body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = JSON;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return http().sendBody("POST", "/api/v1/jobs", body, all);
  }

  private static String idOf(HttpResponse<String> response) {
    Matcher matcher = ID.matcher(response.body());
    assertThat(matcher.find()).as("a job id in %s", response.body()).isTrue();
    return matcher.group(1);
  }

  @Test
  void queuesAJobAndAnswersWithItsLocation() {
    var response = submit("{\"n\": 250000}");

    assertThat(response.statusCode()).isEqualTo(202);
    String id = idOf(response);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + id);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(JSON));
    assertThat(response.body())
        .contains("\"n\":250000")
        .contains("\"result\":\"/api/v1/jobs/" + id + "/result\"")
        .containsPattern("\"status\":\"(queued|running|succeeded)\"");
    assertThat(response.headers().firstValue("X-Request-Cost")).hasValue("3");
    assertThat(response.headers().firstValue("RateLimit")).isPresent();
  }

  @Test
  void waitsForTheJobAndServesItsValueLikeTheSynchronousApi() throws IOException {
    String id = idOf(submit("{\"n\": 300001}"));

    var done = http().get("/api/v1/jobs/" + id, "Prefer", "wait=30");
    var value = http().get("/api/v1/jobs/" + id + "/result", "Accept", "text/plain");
    var gzip = http().bytes("/api/v1/jobs/" + id + "/result", "Accept-Encoding", "gzip");

    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.headers().firstValue("Preference-Applied")).hasValue("wait=30");
    assertThat(done.body())
        .contains("\"status\":\"succeeded\"")
        .contains("\"progress\":1.0")
        .contains("\"digits\":" + FibonacciNumbers.of(300_001).digitCount());
    assertThat(done.headers().firstValue("Retry-After")).isEmpty();
    assertThat(value.statusCode()).isEqualTo(200);
    assertThat(value.body()).isEqualTo(FibonacciNumbers.of(300_001).decimal());
    assertThat(value.headers().firstValue("ETag")).hasValue("\"fib-v1-300001-text\"");
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String json =
        new String(
            new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes(),
            StandardCharsets.US_ASCII);
    assertThat(json).contains(FibonacciNumbers.of(300_001).decimal());
  }

  @Test
  void handsATooLargeSynchronousRequestOverToAJobWhenAsyncIsPreferred() {
    var handedOver = http().get("/api/v1/fibonacci/200000", "Prefer", "respond-async, wait=5");
    var refused = http().get("/api/v1/fibonacci/2000");
    var beyondJobs = http().get("/api/v1/fibonacci/500000", "Prefer", "respond-async");

    assertThat(handedOver.statusCode()).isEqualTo(202);
    assertThat(handedOver.headers().firstValue("Location"))
        .hasValue("/api/v1/jobs/" + idOf(handedOver));
    assertThat(handedOver.body()).contains("\"n\":200000");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("n is too large: n must be an integer between 0 and 1000")
        .contains("POST /api/v1/jobs")
        .contains("Prefer: respond-async");
    assertThat(beyondJobs.statusCode()).isEqualTo(400);
    assertThat(beyondJobs.body()).contains("between 0 and 400000");
  }

  @Test
  void countsTheJobsItRunsInTheJobMetrics() {
    // Jobs of other tests may still run: counting starts once none is queued or running.
    String before = idleScrape();

    String id = idOf(submit("{\"n\": 300002}"));
    http().get("/api/v1/jobs/" + id, "Prefer", "wait=30");
    String after = http().get("/prometheus").body();

    assertThat(
            HttpProbe.sample(after, "fibonacci_jobs_submitted_total")
                - HttpProbe.sample(before, "fibonacci_jobs_submitted_total"))
        .isEqualTo(1.0);
    String succeeded = "fibonacci_jobs_finished_total{outcome=\"succeeded\"}";
    assertThat(HttpProbe.sample(after, succeeded) - HttpProbe.sample(before, succeeded))
        .isEqualTo(1.0);
    assertThat(
            HttpProbe.sample(after, "fibonacci_jobs_duration_seconds_count")
                - HttpProbe.sample(before, "fibonacci_jobs_duration_seconds_count"))
        .isEqualTo(1.0);
    assertThat(after)
        .contains("fibonacci_jobs_queued ")
        .contains("fibonacci_jobs_running ")
        .contains("fibonacci_jobs_oldest_queued_age_seconds ")
        .contains("fibonacci_jobs_retries_total ")
        .contains("fibonacci_jobs_dead_lettered_total ");
  }

  private String idleScrape() {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (true) {
      String scrape = http().get("/prometheus").body();
      if (HttpProbe.sample(scrape, "fibonacci_jobs_queued") == 0
          && HttpProbe.sample(scrape, "fibonacci_jobs_running") == 0) {
        return scrape;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("jobs still queued or running after 30 s");
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void answersAKnownValueWithAJobBornSucceeded() {
    var response = submit("{\"n\": 500}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).contains("\"status\":\"succeeded\"");
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void removesAFinishedJob() {
    String id = idOf(submit("{\"n\": 600}"));

    var removed = http().send("DELETE", "/api/v1/jobs/" + id);
    var after = http().get("/api/v1/jobs/" + id);

    assertThat(removed.statusCode()).isEqualTo(204);
    assertThat(after.statusCode()).isEqualTo(404);
    assertThat(after.body()).contains("urn:fibonacci:problem:job-not-found");
  }

  @Test
  void hidesAJobFromOtherClients() {
    String id = idOf(submit("{\"n\": 700}", "X-Forwarded-For", "203.0.113.10"));

    var mine = http().get("/api/v1/jobs/" + id, "X-Forwarded-For", "203.0.113.10");
    var theirs = http().get("/api/v1/jobs/" + id, "X-Forwarded-For", "203.0.113.11");
    var theirResult =
        http().get("/api/v1/jobs/" + id + "/result", "X-Forwarded-For", "203.0.113.11");

    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(theirs.statusCode()).isEqualTo(404);
    assertThat(theirResult.statusCode()).isEqualTo(404);
  }

  @Test
  void answersARepeatedIdempotencyKeyWithTheSameJobAndAnotherBodyWithAConflict() {
    var first = submit("{\"n\": 800}", "Idempotency-Key", "order-42");
    var again = submit("{\"n\": 800}", "Idempotency-Key", "order-42");
    var other = submit("{\"n\": 801}", "Idempotency-Key", "order-42");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(idOf(again)).isEqualTo(idOf(first));
    assertThat(again.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + idOf(first));
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.body()).contains("urn:fibonacci:problem:idempotency-key-reused");
  }

  @Test
  void refusesABodyThatIsNotJson() {
    var text = http().sendBody("POST", "/api/v1/jobs", "n=5", "Content-Type", "text/plain");
    var broken = submit("{\"n\": ");
    var array = submit("[5]");

    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(text.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(array.statusCode()).isEqualTo(400);
  }

  @Test
  void refusesABodyOverOneKibibyte() {
    var large = submit("{\"n\": 5, \"pad\": \"" + "x".repeat(1_100) + "\"}");

    assertThat(large.statusCode()).isEqualTo(413);
    assertThat(large.body()).contains("urn:fibonacci:problem:body-too-large");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"n\": null}",
        "{\"n\": \"5\"}",
        "{\"n\": 1.5}",
        "{\"n\": -1}",
        "{\"n\": 400001}",
        "{\"n\": 1e999999999}",
        "{\"n\": 99999999999999999999999999999}"
      })
  void refusesAnNThatIsMissingOrNotAnIntegerInRange(String body) {
    var response = submit(body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"status\":400");
  }

  @Test
  void refusesAMalformedIdempotencyKey() {
    var response = submit("{\"n\": 5}", "Idempotency-Key", "x".repeat(256));

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void answersAnUnknownOrMalformedIdWithNotFound() {
    assertThat(http().get("/api/v1/jobs/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
    assertThat(http().get("/api/v1/jobs/..%2F..%2Fetc").statusCode()).isEqualTo(404);
    assertThat(http().send("DELETE", "/api/v1/jobs/nope").statusCode()).isEqualTo(404);
  }
}
