package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.in.identity.IssuedApiKey;
import io.fibonacci.application.port.in.identity.ManageApiKeysUseCase;
import io.fibonacci.application.service.identity.ManageApiKeysService;
import io.fibonacci.infrastructure.file.FileApiKeyStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * API keys over HTTP, against a key file: a valid key makes the request its client's whatever its
 * address; a bad one is refused with 401 and never served as anonymous; keys made or revoked
 * elsewhere count within seconds.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyCredentialsTest implements TestPropertyProvider {

  private static final String KEY = "X-API-Key";
  private final Path keyFile = temporaryKeyFile();

  @Inject EmbeddedServer server;
  @Inject ManageApiKeysUseCase keys;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "auth.api-keys.file", keyFile.toString(),
        "rate-limit.plans.pro.bucket.capacity", "5000",
        "rate-limit.plans.free.bucket.capacity", "100",
        "rate-limit.trusted-proxies", "127.0.0.1",
        // Almost no refill, so that a charge shows in the next answer's remaining tokens.
        "rate-limit.bucket.refill-per-second", "0.001");
  }

  private HttpProbe http() {
    return new HttpProbe(server);
  }

  @Test
  void servesAValidKeyFromEitherHeaderAndChargesItsClientWhateverTheAddress() {
    IssuedApiKey issued = keys.create("pro", "test");

    var first =
        http().get("/api/v1/fibonacci/12", KEY, issued.secret(), "X-Forwarded-For", "192.0.2.1");
    var second =
        http()
            .get(
                "/api/v1/fibonacci/12",
                "Authorization",
                "Bearer " + issued.secret(),
                "X-Forwarded-For",
                "198.51.100.2");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(remaining(second)).isEqualTo(remaining(first) - 1);
  }

  @Test
  void refusesEveryBadCredentialWith401AndChargesNothing() {
    IssuedApiKey revoked = keys.create("free", "to revoke");
    keys.revoke(revoked.key().id());
    String valid = keys.create("free", "").secret();
    String typo =
        valid.substring(0, 12) + (valid.charAt(12) == 'x' ? 'y' : 'x') + valid.substring(13);
    String unknown =
        new ManageApiKeysService(
                new FileApiKeyStore(temporaryKeyFile(), false),
                Set.of("free"),
                Clock.systemUTC(),
                new SplittableRandom(3))
            .create("free", "")
            .secret();
    String[][] cases = {
      {KEY, typo, "bad_checksum"},
      {KEY, unknown, "unknown"},
      {KEY, revoked.secret(), "revoked"},
      {KEY, "fib_nope", "malformed"},
      {"Authorization", "Basic dXNlcjpwYXNz", "malformed"},
      {"Authorization", "Bearer ", "malformed"},
      {"Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.", "jwt_not_accepted"},
      {"Authorization", "Bearer " + "a".repeat(5_000), "too_large"},
    };
    long before = remaining(http().get("/api/v1/fibonacci/3", "X-Forwarded-For", "203.0.113.9"));

    for (String[] bad : cases) {
      var refused =
          http().get("/api/v1/fibonacci/5", bad[0], bad[1], "X-Forwarded-For", "203.0.113.9");

      assertThat(refused.statusCode()).as(bad[2]).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.body()).contains("urn:fibonacci:problem:invalid-credentials");
      if (bad[1].length() > 12) {
        assertThat(refused.body()).doesNotContain(bad[1]);
      }
      assertThat(refused.headers().firstValue("WWW-Authenticate"))
          .hasValue(
              "Bearer realm=\"fibonacci\", error=\"invalid_token\", error_description=\""
                  + bad[2]
                  + "\"");
    }
    long after = remaining(http().get("/api/v1/fibonacci/3", "X-Forwarded-For", "203.0.113.9"));
    assertThat(after).as("refusals charge the anonymous quota nothing").isEqualTo(before - 1);
    String scrape = http().get("/prometheus").body();
    for (String reason :
        new String[] {"bad_checksum", "unknown", "revoked", "malformed", "too_large"}) {
      assertThat(
              HttpProbe.sample(scrape, "fibonacci_auth_failures_total{reason=\"" + reason + "\"}"))
          .as(reason)
          .isPositive();
    }
    assertThat(scrape).doesNotContain(valid).doesNotContain(typo);
  }

  @Test
  void holdsAnIdentifiedClientToItsPlansQuotasAndCountsItsDecisionsByPlan() {
    String pro = keys.create("pro", "").secret();
    String free = keys.create("free", "").secret();

    var asPro = http().get("/api/v1/fibonacci/8", KEY, pro);
    var asFree = http().get("/api/v1/fibonacci/8", KEY, free);
    var anonymous = http().get("/api/v1/fibonacci/8", "X-Forwarded-For", "192.0.2.200");
    var tooCostlyForFree = http().get("/api/v1/fibonacci/10000000", KEY, free);
    String scrape = http().get("/prometheus").body();

    assertThat(asPro.headers().firstValue("RateLimit-Policy"))
        .hasValue("\"bucket\";q=5000;w=5000000");
    assertThat(asFree.headers().firstValue("RateLimit-Policy"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("\"bucket\";q=100;"));
    assertThat(anonymous.headers().firstValue("RateLimit-Policy"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("\"bucket\";q=1000;"));
    assertThat(tooCostlyForFree.statusCode()).isEqualTo(400);
    assertThat(tooCostlyForFree.body()).contains("request-too-costly");
    assertThat(scrape)
        .contains("fibonacci_rate_limit_decisions_total{outcome=\"allowed\",plan=\"pro\"}")
        .contains("fibonacci_rate_limit_decisions_total{outcome=\"allowed\",plan=\"anonymous\"}");
  }

  @Test
  void refusesTwoDifferentCredentialsRatherThanPickingOne() {
    String one = keys.create("free", "").secret();
    String other = keys.create("free", "").secret();

    var both = http().get("/api/v1/fibonacci/5", KEY, one, "Authorization", "Bearer " + other);
    var same = http().get("/api/v1/fibonacci/5", KEY, one, "Authorization", "Bearer " + one);

    assertThat(both.statusCode()).isEqualTo(401);
    assertThat(same.statusCode()).isEqualTo(200);
  }

  @Test
  void doesNotStartWhileAKeyInUseNamesAPlanThatIsNotConfigured() {
    Path file = temporaryKeyFile();
    var store = new FileApiKeyStore(file, false);
    var withGold =
        new ManageApiKeysService(store, Set.of("gold"), Clock.systemUTC(), new SplittableRandom(7));
    String id = withGold.create("gold", "plan removed later").key().id();
    Map<String, Object> withoutGold =
        Map.of("auth.api-keys.file", file.toString(), "rate-limit.plans.free.bucket.capacity", 100);

    assertThatThrownBy(() -> ApplicationContext.run(withoutGold).close())
        .rootCause()
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(id + ": gold")
        .hasMessageContaining("api-keys revoke ID");

    withGold.revoke(id);
    try (ApplicationContext started = ApplicationContext.run(withoutGold)) {
      assertThat(started.isRunning()).isTrue();
    }
  }

  @Test
  void seesKeysMadeAndRevokedByAnotherProcessWithinSeconds() throws Exception {
    var elsewhere =
        new ManageApiKeysService(
            new FileApiKeyStore(keyFile, false),
            Set.of("free"),
            Clock.systemUTC(),
            new SplittableRandom(11));
    IssuedApiKey made = elsewhere.create("free", "made elsewhere");

    int madeSeen = awaitStatus(made.secret(), 200);
    elsewhere.revoke(made.key().id());
    int revokedSeen = awaitStatus(made.secret(), 401);

    assertThat(madeSeen).isEqualTo(200);
    assertThat(revokedSeen).isEqualTo(401);
    assertThat(Files.readString(keyFile)).contains(made.key().id()).doesNotContain(made.secret());
  }

  @Test
  void letsABrowserReadTheRefusal() {
    var refused =
        http().get("/api/v1/fibonacci/5", KEY, "fib_bad", "Origin", "https://app.example.com");

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    assertThat(refused.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValueSatisfying(exposed -> assertThat(exposed).contains("WWW-Authenticate"));
  }

  private int awaitStatus(String key, int status) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int seen = -1;
    while (System.nanoTime() < end) {
      seen = http().get("/api/v1/fibonacci/7", KEY, key).statusCode();
      if (seen == status) {
        return seen;
      }
      Thread.sleep(100);
    }
    return seen;
  }

  private static long remaining(HttpResponse<String> response) {
    String field = response.headers().firstValue("RateLimit").orElseThrow();
    return Long.parseLong(field.replaceAll(".*r=(\\d+).*", "$1"));
  }

  private static Path temporaryKeyFile() {
    try {
      Path directory = Files.createTempDirectory("api-keys");
      directory.toFile().deleteOnExit();
      return directory.resolve("keys.tsv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
