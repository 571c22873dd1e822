package io.fibonacci.infrastructure.config.identity;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** True when {@code auth.api-keys.file} (env {@code AUTH_API_KEYS_FILE}) names a file. */
public final class ApiKeysFileConfigured implements Condition {

  public static final String FILE_PROPERTY = "auth.api-keys.file";

  @Override
  public boolean matches(ConditionContext context) {
    return isConfigured(context);
  }

  static boolean isConfigured(ConditionContext context) {
    return context
        .getProperty(FILE_PROPERTY, String.class)
        .filter(file -> !file.isBlank())
        .isPresent();
  }

  /** The opposite: no key file. */
  public static final class Absent implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
      return !isConfigured(context);
    }
  }
}
