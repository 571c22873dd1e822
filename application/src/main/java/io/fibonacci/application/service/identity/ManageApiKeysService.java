package io.fibonacci.application.service.identity;

import io.fibonacci.application.port.in.identity.ApiKeyView;
import io.fibonacci.application.port.in.identity.IssuedApiKey;
import io.fibonacci.application.port.in.identity.ManageApiKeysUseCase;
import io.fibonacci.application.port.out.identity.ApiKeyStore;
import io.fibonacci.domain.model.identity.ApiKey;
import io.fibonacci.domain.model.identity.ApiKeyRecord;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/** Makes keys for configured plans only, lists them, and revokes them by id. */
public final class ManageApiKeysService implements ManageApiKeysUseCase {

  private final ApiKeyStore keys;
  private final Set<String> plans;
  private final Clock clock;
  private final RandomGenerator random;

  public ManageApiKeysService(
      ApiKeyStore keys, Set<String> plans, Clock clock, RandomGenerator random) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.plans = Set.copyOf(plans);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public IssuedApiKey create(String plan, String label) {
    if (!plans.contains(plan)) {
      throw new IllegalArgumentException(
          "no plan " + plan + " is configured (rate-limit.plans.*): " + new TreeSet<>(plans));
    }
    ApiKey key = ApiKey.generate(random);
    ApiKeyRecord record = ApiKeyRecord.issued(key, plan, label, clock.instant(), random);
    keys.add(record);
    return new IssuedApiKey(viewOf(record), key.reveal());
  }

  @Override
  public List<ApiKeyView> list() {
    return keys.all().stream().map(ManageApiKeysService::viewOf).toList();
  }

  @Override
  public List<ApiKeyView> activeWithoutPlan() {
    return keys.all().stream()
        .filter(record -> !record.revoked() && !plans.contains(record.plan()))
        .map(ManageApiKeysService::viewOf)
        .toList();
  }

  @Override
  public Optional<ApiKeyView> revoke(String id) {
    if (!ApiKeyRecord.isId(id)) {
      return Optional.empty();
    }
    return keys.revoke(id).map(ManageApiKeysService::viewOf);
  }

  private static ApiKeyView viewOf(ApiKeyRecord record) {
    return new ApiKeyView(
        record.id(), record.plan(), record.label(), record.createdAt(), record.revoked());
  }
}
