package io.fibonacci.presentation.redis;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as a separate JVM with {@code FIBONACCI_ROLE=worker}, on the test's class path, so
 * that a test can kill it the way an orchestrator or the kernel does ({@code SIGKILL}).
 */
final class WorkerProcess implements AutoCloseable {

  private static final Duration START_DEADLINE = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final int port;

  private WorkerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts a worker against the Redis with the given settings (as environment variables). */
  static WorkerProcess start(String redisUri, Map<String, String> environment) {
    try {
      Path log = Files.createTempFile("fibonacci-worker", ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx1g",
                      "-cp",
                      System.getProperty("java.class.path"),
                      "io.fibonacci.Application"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      builder.environment().put("REDIS_URI", redisUri);
      builder.environment().put("FIBONACCI_ROLE", "worker");
      int port = LocalRedis.freePort();
      builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
      builder.environment().put("TRACING_ENABLED", "false");
      return new WorkerProcess(builder.start(), log, port);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a worker process", e);
    }
  }

  /** Waits until the worker answers its readiness probe, or fails with its log. */
  WorkerProcess awaitStarted() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the worker exited at start:\n" + logText());
      }
      LocalRedis.pause(Duration.ofMillis(100));
    }
    throw new IllegalStateException("the worker did not start:\n" + logText());
  }

  /** Kills the process without warning (SIGKILL): no shutdown hook, no hand-back. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    kill();
    File file = log.toFile();
    if (!file.delete()) {
      file.deleteOnExit();
    }
  }
}
