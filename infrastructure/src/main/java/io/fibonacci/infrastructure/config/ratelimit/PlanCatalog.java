package io.fibonacci.infrastructure.config.ratelimit;

import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.shared.Nullable;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plans configured under {@code rate-limit.plans.NAME.*}, in YAML or as environment variables
 * ({@code RATE_LIMIT_PLANS_TEAM_BUCKET_CAPACITY} names the plan {@code team}): the quotas of the
 * clients an API key or a token identifies. A plan names only what differs from the anonymous quota
 * ({@code rate-limit.*}, and {@code fibonacci.jobs.max-active-per-client} for jobs). A name outside
 * {@code [a-z][a-z0-9-]{0,31}}, or a quota the rate limiter cannot hold, stops the start.
 */
public record PlanCatalog(Map<String, PlanQuota> plans) {

  /**
   * One plan's quotas.
   *
   * @param policy {@code ...bucket.capacity}, {@code ...bucket.refill-per-second} and {@code
   *     ...windows.per-minute|per-hour|per-day}; null while rate limiting is off ({@code
   *     rate-limit.enabled=false}), when no quota is read or checked
   * @param maxActiveJobs {@code ...jobs.max-active}: queued or running jobs at once
   */
  public record PlanQuota(@Nullable RateLimitPolicy policy, int maxActiveJobs) {}

  /** The settings of one plan, as environment variables write them after the plan's name. */
  private static final List<String> SETTINGS =
      List.of(
          "_BUCKET_CAPACITY",
          "_BUCKET_REFILL_PER_SECOND",
          "_WINDOWS_PER_MINUTE",
          "_WINDOWS_PER_HOUR",
          "_WINDOWS_PER_DAY",
          "_JOBS_MAX_ACTIVE");

  private static final String PREFIX = "rate-limit.plans.";
  private static final String ENV_PREFIX = "RATE_LIMIT_PLANS_";

  public PlanCatalog {
    plans = Map.copyOf(plans);
  }

  public Set<String> names() {
    return plans.keySet();
  }

  /**
   * @param anonymous the anonymous quota, which plans refine; null while rate limiting is off
   */
  public static PlanCatalog of(
      Environment environment,
      @Nullable RateLimitProperties anonymous,
      int anonymousMaxActiveJobs) {
    return of(environment, System.getenv(), anonymous, anonymousMaxActiveJobs);
  }

  /**
   * The plans of the configuration's {@code rate-limit.plans} entries and of the environment
   * variables (which the configuration resolves but does not list), each setting read through the
   * configuration.
   */
  static PlanCatalog of(
      Environment environment,
      Map<String, String> variables,
      @Nullable RateLimitProperties anonymous,
      int anonymousMaxActiveJobs) {
    Map<String, PlanQuota> plans = new TreeMap<>();
    for (String name : namesOf(environment, variables)) {
      if (!ClientKey.isPlanName(name)) {
        throw new ConfigurationException(
            "Invalid configuration: " + PREFIX + name + " must be named with [a-z][a-z0-9-]{0,31}");
      }
      plans.put(name, quotaOf(environment, name, anonymous, anonymousMaxActiveJobs));
    }
    return new PlanCatalog(plans);
  }

  private static PlanQuota quotaOf(
      Environment environment,
      String name,
      @Nullable RateLimitProperties anonymous,
      int anonymousMaxActiveJobs) {
    String base = PREFIX + name + ".";
    int maxActive =
        setting(environment, base + "jobs.max-active", Integer.class, anonymousMaxActiveJobs);
    if (maxActive < 1) {
      throw new ConfigurationException(
          "Invalid configuration: " + base + "jobs.max-active must be 1 or more, got " + maxActive);
    }
    if (anonymous == null) {
      return new PlanQuota(null, maxActive);
    }
    long capacity =
        setting(environment, base + "bucket.capacity", Long.class, anonymous.bucket().capacity());
    double refill =
        setting(
            environment,
            base + "bucket.refill-per-second",
            Double.class,
            anonymous.bucket().refillPerSecond());
    long perMinute =
        setting(
            environment, base + "windows.per-minute", Long.class, anonymous.windows().perMinute());
    long perHour =
        setting(environment, base + "windows.per-hour", Long.class, anonymous.windows().perHour());
    long perDay =
        setting(environment, base + "windows.per-day", Long.class, anonymous.windows().perDay());
    try {
      return new PlanQuota(
          RateLimitPolicy.of(capacity, refill, perMinute, perHour, perDay), maxActive);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "Invalid configuration: " + base + "*: " + e.getMessage(), e);
    }
  }

  private static <T> T setting(Environment environment, String key, Class<T> type, T fallback) {
    return environment.getProperty(key, type).orElse(fallback);
  }

  private static Set<String> namesOf(Environment environment, Map<String, String> variables) {
    Set<String> names = new TreeSet<>(environment.getPropertyEntries("rate-limit.plans"));
    for (String variable : variables.keySet()) {
      if (!variable.startsWith(ENV_PREFIX)) {
        continue;
      }
      for (String setting : SETTINGS) {
        if (variable.endsWith(setting)
            && variable.length() > ENV_PREFIX.length() + setting.length()) {
          names.add(
              variable
                  .substring(ENV_PREFIX.length(), variable.length() - setting.length())
                  .toLowerCase(Locale.ROOT)
                  .replace('_', '-'));
        }
      }
    }
    return names;
  }
}
