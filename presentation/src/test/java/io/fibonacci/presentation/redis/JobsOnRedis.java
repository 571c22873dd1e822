package io.fibonacci.presentation.redis;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the Redis job tests share: settings, and reading a job's fields from its JSON. */
final class JobsOnRedis {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
  private static final Pattern PROGRESS = Pattern.compile("\"progress\"\\s*:\\s*([0-9.Ee-]+)");

  /** A short lease, so a dead worker's job is reclaimed within seconds; generous quotas. */
  static final Map<String, Object> SETTINGS =
      Map.of(
          "fibonacci.jobs.lease", "2s",
          "rate-limit.bucket.capacity", 100_000,
          "rate-limit.bucket.refill-per-second", 10_000,
          "rate-limit.trusted-proxies", "127.0.0.1",
          "fibonacci.redis.command-timeout", "1s");

  private JobsOnRedis() {}

  static String idOf(String job) {
    return group(ID, job);
  }

  static String statusOf(String job) {
    return group(STATUS, job);
  }

  static double progressOf(String job) {
    return Double.parseDouble(group(PROGRESS, job));
  }

  /** Asks for the job (waiting on the server side) until it is finished or the deadline passes. */
  static String awaitFinished(ServiceInstance service, String id, String client, Duration deadline)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    String job = "";
    while (System.nanoTime() < end) {
      HttpResponse<String> answer =
          service.send(
              "GET", "/api/v1/jobs/" + id, null, "Prefer", "wait=10", "X-Forwarded-For", client);
      job = answer.body();
      if (answer.statusCode() == 200 && !statusOf(job).matches("queued|running")) {
        return job;
      }
      if (answer.statusCode() != 200) {
        LocalRedis.pause(Duration.ofMillis(200));
      }
    }
    return job;
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException(pattern + " not in " + text);
    }
    return matcher.group(1);
  }
}
