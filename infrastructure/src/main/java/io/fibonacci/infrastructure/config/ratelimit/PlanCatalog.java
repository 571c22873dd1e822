package io.fibonacci.infrastructure.config.ratelimit;

import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plans configured under {@code rate-limit.plans.NAME.*}, in YAML or as environment variables
 * ({@code RATE_LIMIT_PLANS_TEAM_BUCKET_CAPACITY} names the plan {@code team}): the names an API key
 * or a token may name. A name outside {@code [a-z][a-z0-9-]{0,31}} stops the start.
 */
public record PlanCatalog(Set<String> names) {

  public PlanCatalog {
    names = Set.copyOf(names);
    for (String name : names) {
      if (!ClientKey.isPlanName(name)) {
        throw new ConfigurationException(
            "Invalid configuration: rate-limit.plans."
                + name
                + " must be named with [a-z][a-z0-9-]{0,31}");
      }
    }
  }

  /** The settings of one plan, as environment variables write them after the plan's name. */
  private static final List<String> SETTINGS =
      List.of(
          "_BUCKET_CAPACITY",
          "_BUCKET_REFILL_PER_SECOND",
          "_WINDOWS_PER_MINUTE",
          "_WINDOWS_PER_HOUR",
          "_WINDOWS_PER_DAY",
          "_JOBS_MAX_ACTIVE");

  private static final String ENV_PREFIX = "RATE_LIMIT_PLANS_";

  public static PlanCatalog of(Environment environment) {
    return of(environment, System.getenv());
  }

  /**
   * The plans of the configuration's {@code rate-limit.plans} entries and of the environment
   * variables (which the configuration resolves but does not list).
   */
  static PlanCatalog of(Environment environment, Map<String, String> variables) {
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
    return new PlanCatalog(names);
  }
}
