package io.fibonacci.application.port.in.identity;

import java.util.List;
import java.util.Optional;

/** Making, listing and revoking API keys (the jar's command line). */
public interface ManageApiKeysUseCase {

  /**
   * Makes a key for a plan.
   *
   * @throws IllegalArgumentException for a plan that is not configured, or an unprintable label
   */
  IssuedApiKey create(String plan, String label);

  List<ApiKeyView> list();

  /**
   * The keys still in use whose plan is no longer configured: their clients would be refused, so
   * the service does not start while there are any.
   */
  List<ApiKeyView> activeWithoutPlan();

  /** Revokes the key with this id; empty when there is none. */
  Optional<ApiKeyView> revoke(String id);
}
