package io.fibonacci.infrastructure.config.identity;

import io.fibonacci.application.port.in.identity.ApiKeyView;
import io.fibonacci.application.port.in.identity.ManageApiKeysUseCase;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the start when a key still in use names a plan that is not configured: its client would be
 * refused on every request, which an operator who removed or renamed a plan should hear at once,
 * not from the client. The command line skips the check ({@link #PROPERTY}), so such keys can be
 * listed and revoked. A store that cannot be read (Redis down) does not stop the start: the
 * instance serves what it can, as it does during an outage.
 */
@Context
@Requires(property = KeyPlansCheck.PROPERTY, notEquals = "false")
public final class KeyPlansCheck {

  /** {@code false} skips the check (the command line). */
  public static final String PROPERTY = "auth.api-keys.check-plans";

  private static final Logger LOG = LoggerFactory.getLogger(KeyPlansCheck.class);

  KeyPlansCheck(ManageApiKeysUseCase keys) {
    List<ApiKeyView> orphans;
    try {
      orphans = keys.activeWithoutPlan();
    } catch (RuntimeException unreadable) {
      LOG.warn(
          "The plans of the stored API keys were not checked: the key store cannot be read ({})",
          unreadable.toString());
      return;
    }
    if (!orphans.isEmpty()) {
      throw new ConfigurationException(
          "Invalid configuration: API keys in use name plans that are not configured ("
              + orphans.stream()
                  .map(key -> key.id() + ": " + key.plan())
                  .collect(Collectors.joining(", "))
              + "); configure the plans under rate-limit.plans.* or revoke the keys with"
              + " `api-keys revoke ID`");
    }
  }
}
