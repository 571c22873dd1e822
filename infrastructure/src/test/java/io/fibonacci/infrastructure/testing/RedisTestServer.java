package io.fibonacci.infrastructure.testing;

import io.fibonacci.infrastructure.redis.RedisLink;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Redis of an integration test class, registered as a static {@code @RegisterExtension} field.
 *
 * <p>Redis comes from the environment variable {@code REDIS_URI} when it is set, else from a
 * Testcontainers {@code redis:7-alpine} container (one per test JVM). With neither, the class is
 * skipped with a message, except when {@code CI=true}: there a Redis test that cannot run fails.
 *
 * <p>Each test class gets its own key namespace ({@link #keyPrefix()}), unique to the run; every
 * key under it is deleted after the class, so runs sharing one Redis neither see nor leave each
 * other's keys.
 */
public final class RedisTestServer
    implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

  private static final String IMAGE = "redis:7-alpine";
  private static final String NO_REDIS =
      "No Redis for the Redis integration tests: set REDIS_URI (e.g. redis://127.0.0.1:6379)"
          + " or make Docker available to Testcontainers.";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static String sharedUri;
  private static boolean located;
  private static GenericContainer<?> container;

  private final List<RedisLink> links = new ArrayList<>();
  private String keyPrefix;
  private RedisClient client;
  private StatefulRedisConnection<String, String> inspection;

  /** Skips the tests (reported with the reason) when there is no Redis, except under CI. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (available() || underCi()) {
      return ConditionEvaluationResult.enabled("Redis at hand, or CI=true requires it");
    }
    return ConditionEvaluationResult.disabled(NO_REDIS + " Skipping.");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String uri = uri();
    keyPrefix = "test:" + RUN + ":" + context.getRequiredTestClass().getSimpleName() + ":";
    client = RedisClient.create(uri);
    inspection = client.connect();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (inspection != null) {
        deleteKeys(keyPrefix + "*");
        inspection.close();
      }
      links.forEach(RedisLink::close);
    } finally {
      links.clear();
      if (client != null) {
        client.shutdown();
      }
    }
  }

  /** The URI of the Redis every test of this run uses. */
  public static String uri() {
    if (!available()) {
      String message = NO_REDIS + (underCi() ? " Under CI=true this is a failure." : " Skipping.");
      if (underCi()) {
        throw new ExtensionConfigurationException(message);
      }
      Assumptions.abort(message);
    }
    return sharedUri;
  }

  private static synchronized boolean available() {
    if (!located) {
      sharedUri = locate();
      located = true;
    }
    return sharedUri != null;
  }

  private static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** A prefix for every key a test writes: unique to this class in this run, removed after it. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** A new connection like the application's (short timeouts), closed after the class. */
  public RedisLink newLink() {
    RedisLink link = new RedisLink(client, uri(), Duration.ofSeconds(2), Duration.ofSeconds(2));
    links.add(link);
    return link;
  }

  /** Plain commands with string keys and values, for looking at what the adapters stored. */
  public RedisCommands<String, String> inspect() {
    return inspection.sync();
  }

  /** Every key matching the pattern (SCAN, so Redis is never blocked). */
  public List<String> keys(String pattern) {
    List<String> keys = new ArrayList<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page =
          inspect().scan(cursor, ScanArgs.Builder.matches(pattern).limit(1_000));
      keys.addAll(page.getKeys());
      cursor = page;
    } while (!cursor.isFinished());
    return keys;
  }

  private void deleteKeys(String pattern) {
    List<String> keys = keys(pattern);
    for (int from = 0; from < keys.size(); from += 1_000) {
      List<String> batch = keys.subList(from, Math.min(keys.size(), from + 1_000));
      inspect().unlink(batch.toArray(String[]::new));
    }
  }

  private static String locate() {
    String fromEnvironment = System.getenv("REDIS_URI");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    if (dockerAvailable()) {
      container = new GenericContainer<>(DockerImageName.parse(IMAGE)).withExposedPorts(6379);
      container.start();
      return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
    }
    return null;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
