package io.fibonacci.domain.model.ratelimit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared table of rate-limit cases ({@code rate-limit-cases.tsv}), read for every limiter that
 * applies {@link RateLimitPolicy}'s rule: the domain function and the Redis script. Shipped in the
 * domain's test jar so the infrastructure's tests read the very same rows.
 */
public final class RateLimitCases {

  /** The instant every case's times count from: a day, hour and minute boundary. */
  public static final long T0_EPOCH_SECOND = 1_700_006_400L;

  private static final String RESOURCE = "rate-limit-cases.tsv";

  private RateLimitCases() {}

  /** One case: a policy, and the requests of one client never seen before, in order. */
  public record Case(String name, String policySpec, RateLimitPolicy policy, List<Step> steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * One request and what the client must be told.
   *
   * @param atNanos the instant of the request, in nanoseconds since the epoch
   */
  public record Step(
      long atNanos, long cost, boolean allowed, long retryAfter, long[] remaining, long[] reset) {

    /** Why {@code decision} is not what the table says, or {@code null} when it is. */
    public String mismatch(RateLimitDecision decision) {
      long[] actualRemaining =
          decision.quotas().stream().mapToLong(QuotaUsage::remaining).toArray();
      long[] actualReset = decision.quotas().stream().mapToLong(QuotaUsage::resetSeconds).toArray();
      if (decision.allowed() == allowed
          && decision.retryAfterSeconds() == retryAfter
          && Arrays.equals(actualRemaining, remaining)
          && Arrays.equals(actualReset, reset)) {
        return null;
      }
      return "expected allowed=%s retry=%d remaining=%s reset=%s, got allowed=%s retry=%d remaining=%s reset=%s"
          .formatted(
              allowed,
              retryAfter,
              Arrays.toString(remaining),
              Arrays.toString(reset),
              decision.allowed(),
              decision.retryAfterSeconds(),
              Arrays.toString(actualRemaining),
              Arrays.toString(actualReset));
    }
  }

  /** Every case of the table, in the order of the file. */
  public static List<Case> all() {
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    try (InputStream in = RateLimitCases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t");
        if (fields.length != 8) {
          throw new IllegalStateException("8 tab-separated fields expected: " + line);
        }
        rows.computeIfAbsent(fields[0], name -> new ArrayList<>()).add(fields);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Case> cases = new ArrayList<>();
    rows.forEach((name, lines) -> cases.add(parseCase(name, lines)));
    return cases;
  }

  private static Case parseCase(String name, List<String[]> lines) {
    String spec = lines.get(0)[1];
    RateLimitPolicy policy = policy(spec);
    List<Step> steps = new ArrayList<>();
    for (String[] fields : lines) {
      if (!fields[1].equals(spec)) {
        throw new IllegalStateException("case " + name + " changes its policy");
      }
      long at =
          Math.addExact(
              Math.multiplyExact(T0_EPOCH_SECOND, RateLimitPolicy.NANOS),
              new BigDecimal(fields[2]).movePointRight(9).longValueExact());
      steps.add(
          new Step(
              at,
              Long.parseLong(fields[3]),
              switch (fields[4]) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new IllegalStateException("allowed is yes or no: " + fields[4]);
              },
              Long.parseLong(fields[5]),
              longs(fields[6]),
              longs(fields[7])));
    }
    return new Case(name, spec, policy, List.copyOf(steps));
  }

  /** {@code capacity/refill[;minute=N][;hour=N][;day=N]}. */
  private static RateLimitPolicy policy(String spec) {
    String[] parts = spec.split(";");
    String[] bucket = parts[0].split("/");
    long perMinute = 0;
    long perHour = 0;
    long perDay = 0;
    for (int i = 1; i < parts.length; i++) {
      String[] window = parts[i].split("=");
      long limit = Long.parseLong(window[1]);
      switch (window[0]) {
        case "minute" -> perMinute = limit;
        case "hour" -> perHour = limit;
        case "day" -> perDay = limit;
        default -> throw new IllegalStateException("unknown window " + window[0]);
      }
    }
    return RateLimitPolicy.of(
        Long.parseLong(bucket[0]), Double.parseDouble(bucket[1]), perMinute, perHour, perDay);
  }

  private static long[] longs(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
