package io.fibonacci.presentation.redis;

import static io.fibonacci.infrastructure.testing.RedisClusterTestServer.NODE_TIMEOUT;
import static io.fibonacci.presentation.redis.JobsOnRedis.awaitFinished;
import static io.fibonacci.presentation.redis.JobsOnRedis.idOf;
import static io.fibonacci.presentation.redis.RedisFaults.FALLBACK_GAUGE;
import static io.fibonacci.presentation.redis.RedisFaults.RECOVERY_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.infrastructure.testing.RedisClusterTestServer;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances on a real 6-node Redis Cluster ({@code REDIS_CLUSTER_URIS}): limits are global for
 * clients on every slot, values cached by one are found by the other, and when the master holding
 * the jobs' slot is killed mid-traffic, no request gets a 5xx other than a job call's 503 with
 * Retry-After, no accepted job is lost, and once the replica has taken over the limits are global
 * again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the failover last: it changes the masters
class RedisClusterServiceIT {

  @RegisterExtension static final RedisClusterTestServer CLUSTER = new RedisClusterTestServer();

  private static final int HOURLY_LIMIT = 30;
  private static final Map<String, Object> SETTINGS =
      Map.of(
          "rate-limit.bucket.capacity", 100_000,
          "rate-limit.bucket.refill-per-second", 10_000,
          "rate-limit.windows.per-hour", HOURLY_LIMIT,
          "rate-limit.trusted-proxies", "127.0.0.1",
          "fibonacci.jobs.lease", "2s",
          "fibonacci.redis.breaker.window-size", 10,
          "fibonacci.redis.breaker.minimum-calls", 5,
          "fibonacci.redis.breaker.open-for", "1s",
          "fibonacci.redis.breaker.half-open-calls", 2);

  private static ServiceInstance first;
  private static ServiceInstance second;

  @BeforeAll
  static void startTwoInstances() {
    first = ServiceInstance.startOnCluster(CLUSTER.seeds(), SETTINGS);
    second = ServiceInstance.startOnCluster(CLUSTER.seeds(), SETTINGS);
    // ready once the warm-up is over
    first.awaitAnswer(RedisFaults.READINESS, RedisFaults::redisUp, RECOVERY_DEADLINE);
    second.awaitAnswer(RedisFaults.READINESS, RedisFaults::redisUp, RECOVERY_DEADLINE);
  }

  @AfterAll
  static void stopThem() {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  @Test
  @Order(1)
  void loadedTheLimitersScriptOnEveryMasterBeforeItWasReady() throws Exception {
    String sha = sha1Of("io/fibonacci/infrastructure/redis/rate-limit.lua");
    Map<Integer, String> loaded = new LinkedHashMap<>();
    for (int master : CLUSTER.masters()) {
      loaded.put(master, CLUSTER.on(master, "script", "exists", sha).strip());
    }

    // the warm-up took turns over clients on every master's slots, so no first request of a
    // client pays a NOSCRIPT and the script's load on a cold master
    assertThat(loaded).hasSize(3).allSatisfy((master, exists) -> assertThat(exists).isEqualTo("1"));
  }

  @Test
  @Order(2)
  void keepsEachClientsLimitGlobalWhateverItsSlot() throws Exception {
    HourlyWindow.awaitAtLeast(Duration.ofSeconds(20));
    List<String> clients = clients("198.51.100.", 12);

    Map<String, Integer> allowed = allowedAcrossBoth(clients);

    assertThat(allowed).allSatisfy((client, count) -> assertThat(count).isEqualTo(HOURLY_LIMIT));
    assertThat(slotsOf(clients)).hasSizeGreaterThan(8);
  }

  @Test
  @Order(3)
  void findsInTheSharedTierWhatTheOtherInstanceComputed() {
    String client = "203.0.113.40";
    long n = 777_777;

    ServiceInstance.Answer computed =
        first.get("/api/v1/fibonacci/" + n, "X-Forwarded-For", client);
    double hitsBefore = redisTierHits(second);
    ServiceInstance.Answer found = second.get("/api/v1/fibonacci/" + n, "X-Forwarded-For", client);

    assertThat(computed.status()).isEqualTo(200);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body()).isEqualTo(computed.body());
    assertThat(redisTierHits(second)).isEqualTo(hitsBefore + 1);
  }

  @Test
  @Order(4)
  void losesNoRequestAndNoJobWhenTheJobsMasterIsKilledMidTraffic() throws Exception {
    var traffic = new Traffic();
    List<String> jobs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      jobs.add(submit(i));
    }
    int master = CLUSTER.masterOf("jobs:v1:{queue}");
    CLUSTER.awaitReplicated(master);

    long killed = System.nanoTime();
    CLUSTER.kill(master);
    for (int i = 3; i < 6; i++) {
      jobs.add(submit(i));
    }
    int newMaster = awaitNewMaster("jobs:v1:{queue}", master);
    List<String> finished = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      ServiceInstance reader = i % 2 == 0 ? second : first;
      finished.add(awaitFinished(reader, jobs.get(i), jobClient(i), Duration.ofSeconds(120)));
    }
    Optional<Double> fallbackAfter = first.awaitGauge(FALLBACK_GAUGE, 0, RECOVERY_DEADLINE);
    Optional<Double> fallbackAfterOnSecond =
        second.awaitGauge(FALLBACK_GAUGE, 0, RECOVERY_DEADLINE);
    traffic.close();
    CLUSTER.restart(master);
    HourlyWindow.awaitAtLeast(Duration.ofSeconds(20));
    Map<String, Integer> allowedAfter = allowedAcrossBoth(clients("192.0.2.", 8));

    assertThat(newMaster).isNotEqualTo(master);
    // the slot has no master for at least the node timeout after the kill: requests made then
    // met the failover (those of clients on the killed master's slots fell back per instance)
    assertThat(traffic.startedBetween(killed, killed + NODE_TIMEOUT.toNanos()))
        .hasSizeGreaterThan(10)
        .allMatch(List.of(200, 429)::contains);
    assertThat(traffic.statuses()).hasSizeGreaterThan(100).allMatch(List.of(200, 429)::contains);
    assertThat(finished)
        .as("%s", finished)
        .extracting(JobsOnRedis::statusOf)
        .containsOnly("succeeded");
    assertThat(fallbackAfter).contains(0.0);
    assertThat(fallbackAfterOnSecond).contains(0.0);
    assertThat(allowedAfter)
        .allSatisfy((client, count) -> assertThat(count).isEqualTo(HOURLY_LIMIT));
  }

  /**
   * Submits job {@code i} (n just beyond the synchronous maximum) as a client does: after a 503, it
   * tries again when Retry-After says; any other status but 202 fails the test.
   */
  private static String submit(int i) throws Exception {
    ServiceInstance target = i % 2 == 0 ? first : second;
    String body = "{\"n\": " + (10_000_001 + i) + "}";
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> answer =
          target.send("POST", "/api/v1/jobs", body, "X-Forwarded-For", jobClient(i));
      if (answer.statusCode() == 202) {
        return idOf(answer.body());
      }
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
      assertThat(answer.headers().firstValue("Retry-After")).isPresent();
      assertThat(System.nanoTime()).as("accepted within 60 s").isLessThan(end);
      LocalRedis.pause(Duration.ofSeconds(1));
    }
  }

  private static String sha1Of(String resource) throws Exception {
    try (var in = RedisClusterServiceIT.class.getClassLoader().getResourceAsStream(resource)) {
      byte[] body = Objects.requireNonNull(in, resource).readAllBytes();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
    }
  }

  private static String jobClient(int i) {
    return "203.0.113." + (100 + i);
  }

  /** Each client asks three times its limit, alternately of both instances; what each got. */
  private static Map<String, Integer> allowedAcrossBoth(List<String> clients) throws Exception {
    Map<String, List<Future<Integer>>> statuses = new LinkedHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (String client : clients) {
        List<Future<Integer>> mine = new ArrayList<>();
        for (int i = 0; i < 3 * HOURLY_LIMIT; i++) {
          ServiceInstance target = i % 2 == 0 ? first : second;
          mine.add(
              pool.submit(
                  () -> target.get("/api/v1/fibonacci/7", "X-Forwarded-For", client).status()));
        }
        statuses.put(client, mine);
      }
    }
    Map<String, Integer> allowed = new LinkedHashMap<>();
    for (var entry : statuses.entrySet()) {
      int count = 0;
      for (Future<Integer> status : entry.getValue()) {
        count += status.get() == 200 ? 1 : 0;
      }
      allowed.put(entry.getKey(), count);
    }
    return allowed;
  }

  private static List<String> clients(String network, int count) {
    List<String> clients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clients.add(network + (1 + i));
    }
    return clients;
  }

  private static List<Integer> slotsOf(List<String> clients) {
    return clients.stream().map(client -> CLUSTER.slotOf("{" + client + "}")).distinct().toList();
  }

  private static double redisTierHits(ServiceInstance instance) {
    for (String line : instance.get("/prometheus").body().split("\n")) {
      if (line.startsWith("fibonacci_cache_requests_total")
          && line.contains("tier=\"redis\"")
          && line.contains("result=\"hit\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  private static int awaitNewMaster(String key, int killed) {
    long end = System.nanoTime() + RECOVERY_DEADLINE.toNanos();
    while (System.nanoTime() < end) {
      try {
        int master = CLUSTER.masterOf(key);
        if (master != killed) {
          return master;
        }
      } catch (IllegalStateException noMasterYet) {
        // the slot is uncovered until the replica's election
      }
      LocalRedis.pause(Duration.ofMillis(200));
    }
    return killed;
  }

  /**
   * Four client threads asking both instances for cached and new positions, each request as a new
   * client (spread over every slot), until closed; the statuses they got.
   */
  private static final class Traffic implements AutoCloseable {

    /** One request: when it started (nanoTime) and its status. */
    private record Sent(long startedNanos, int status) {}

    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    Traffic() {
      for (int t = 0; t < 4; t++) {
        int thread = t;
        threads.add(Thread.ofPlatform().daemon().start(() -> send(thread)));
      }
    }

    private void send(int thread) {
      for (int i = 0; running.get(); i++) {
        ServiceInstance target = i % 2 == 0 ? first : second;
        // cached small values (the limiter's round trip only) and ever new ones just above the
        // shared tier's threshold (cheap to compute, each written to Redis, on every master)
        long n = i % 3 == 0 ? 10 + i % 50 : 10_000 + thread * 100_000L + i;
        String client = "10." + thread + "." + (i / 250 % 250) + "." + (i % 250);
        long started = System.nanoTime();
        int status = target.get("/api/v1/fibonacci/" + n, "X-Forwarded-For", client).status();
        sent.add(new Sent(started, status));
        LocalRedis.pause(Duration.ofMillis(5));
      }
    }

    List<Integer> statuses() {
      return sent.stream().map(Sent::status).toList();
    }

    /** The statuses of the requests that started in [from, to) (nanoTime). */
    List<Integer> startedBetween(long from, long to) {
      return sent.stream()
          .filter(s -> s.startedNanos() - from >= 0 && to - s.startedNanos() > 0)
          .map(Sent::status)
          .toList();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      for (Thread thread : threads) {
        thread.join(Duration.ofSeconds(15));
      }
    }
  }
}
