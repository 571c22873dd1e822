package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An instance that only serves the API: its jobs stay queued, so every early state shows. */
@MicronautTest
@Property(name = "fibonacci.role", value = "api")
@Property(name = "fibonacci.max-n", value = "1000")
@Property(name = "fibonacci.jobs.max-active-per-client", value = "2")
@Property(name = "fibonacci.jobs.queue-capacity", value = "100")
@Property(name = "fibonacci.cache.warm-up-count", value = "0")
@Property(name = "rate-limit.trusted-proxies", value = "127.0.0.1")
class JobsQueuedTest {

  private static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]{22})\"");

  @Inject EmbeddedServer server;

  private HttpResponse<String> submit(String n, String client) {
    return new HttpProbe(server)
        .sendBody(
            "POST",
            "/api/v1/jobs",
            "{\"n\": " + n + "}",
            "Content-Type",
            "application/json",
            "X-Forwarded-For",
            client);
  }

  private static String idOf(HttpResponse<String> response) {
    Matcher matcher = ID.matcher(response.body());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  @Test
  void tellsAnEarlyReaderToComeBackAndCancelsAQueuedJob() {
    var http = new HttpProbe(server);
    String id = idOf(submit("50000", "198.51.100.1"));

    var job = http.get("/api/v1/jobs/" + id, "X-Forwarded-For", "198.51.100.1");
    var early = http.get("/api/v1/jobs/" + id + "/result", "X-Forwarded-For", "198.51.100.1");
    var cancelled = http.send("DELETE", "/api/v1/jobs/" + id, "X-Forwarded-For", "198.51.100.1");
    var late = http.get("/api/v1/jobs/" + id + "/result", "X-Forwarded-For", "198.51.100.1");

    assertThat(job.body()).contains("\"status\":\"queued\"").contains("\"startedAt\":null");
    assertThat(job.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(early.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(early.body()).contains("urn:fibonacci:problem:job-not-finished");
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.body()).contains("\"status\":\"cancelled\"");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.headers().firstValue("Retry-After")).isEmpty();
    assertThat(late.body()).contains("is cancelled and has no result");
  }

  @Test
  void capsTheActiveJobsOfAClient() {
    submit("60000", "198.51.100.2");
    submit("60001", "198.51.100.2");

    var third = submit("60002", "198.51.100.2");

    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.body()).contains("urn:fibonacci:problem:too-many-jobs");
  }

  @Test
  void waitsNoLongerThanAskedForAJobThatDoesNotFinish() {
    String id = idOf(submit("80000", "198.51.100.7"));

    var response =
        new HttpProbe(server)
            .get("/api/v1/jobs/" + id, "Prefer", "wait=1", "X-Forwarded-For", "198.51.100.7");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"queued\"");
    assertThat(response.headers().firstValue("Preference-Applied")).hasValue("wait=1");
  }
}
