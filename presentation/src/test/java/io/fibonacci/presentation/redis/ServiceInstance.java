package io.fibonacci.presentation.redis;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** One instance of the service, started in this JVM on a random port, with a plain HTTP client. */
final class ServiceInstance implements AutoCloseable {

  /** What one request got: its status (-1 when no answer came at all) and how long it took. */
  record Answer(int status, String body, long millis) {}

  private final EmbeddedServer server;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private ServiceInstance(EmbeddedServer server) {
    this.server = server;
  }

  /** Starts an instance against the given Redis, with the given settings on top. */
  static ServiceInstance start(String redisUri, Map<String, Object> settings) {
    return start(settings, Map.of("redis.uri", redisUri));
  }

  /** Starts an instance against the Redis Cluster of the given seed nodes. */
  static ServiceInstance startOnCluster(List<String> seeds, Map<String, Object> settings) {
    // redis.uri over a REDIS_URI of the environment: one or the other
    return start(settings, Map.of("redis.cluster-uris", String.join(",", seeds), "redis.uri", ""));
  }

  private static ServiceInstance start(Map<String, Object> settings, Map<String, Object> redis) {
    Map<String, Object> properties = new HashMap<>(settings);
    properties.putAll(redis);
    properties.put("micronaut.server.port", -1);
    return new ServiceInstance(ApplicationContext.run(EmbeddedServer.class, properties));
  }

  /** A bean of this instance's application context. */
  <T> T bean(Class<T> type) {
    return server.getApplicationContext().getBean(type);
  }

  /** A GET whose body is kept as the bytes that came over the wire (nothing is decoded). */
  HttpResponse<byte[]> getBytes(String path, String... headers)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Any request, with a JSON body when {@code json} is not null; the answer as text, with its
   * headers.
   */
  HttpResponse<String> send(String method, String path, String json, String... headers)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(70));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A GET that never throws: a failed exchange is an answer with status -1. */
  Answer get(String path, String... headers) {
    var request =
        HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          client.send(
              request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), millisSince(started));
    } catch (IOException e) {
      return new Answer(-1, e.toString(), millisSince(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of a gauge without labels in the Prometheus scrape, if it is there. */
  Optional<Double> gauge(String name) {
    Answer scrape = get("/prometheus");
    for (String line : scrape.body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Optional.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
      }
    }
    return Optional.empty();
  }

  /** Asks until the answer satisfies the condition, or returns the last answer at the deadline. */
  Answer awaitAnswer(String path, Predicate<Answer> condition, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    Answer answer = get(path);
    while (!condition.test(answer) && System.nanoTime() < end) {
      LocalRedis.pause(Duration.ofMillis(50));
      answer = get(path);
    }
    return answer;
  }

  /** Reads the gauge until it has the value, or returns the last value read at the deadline. */
  Optional<Double> awaitGauge(String name, double value, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    Optional<Double> read = gauge(name);
    while (!read.equals(Optional.of(value)) && System.nanoTime() < end) {
      LocalRedis.pause(Duration.ofMillis(50));
      read = gauge(name);
    }
    return read;
  }

  @Override
  public void close() {
    server.getApplicationContext().close();
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
