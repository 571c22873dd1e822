package io.fibonacci.infrastructure.inmemory;

import io.fibonacci.application.port.out.identity.ApiKeyStore;
import io.fibonacci.domain.model.identity.ApiKeyDigest;
import io.fibonacci.domain.model.identity.ApiKeyRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * No key store is configured (neither {@code auth.api-keys.file} nor {@code REDIS_URI}): no key
 * exists, so every key presented is unknown (401), and making one says what to configure.
 */
public final class NoApiKeyStore implements ApiKeyStore {

  public static final String HOW =
      "no API key store is configured: set AUTH_API_KEYS_FILE (a file) or REDIS_URI (Redis)";

  @Override
  public CompletableFuture<Optional<ApiKeyRecord>> find(ApiKeyDigest digest) {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  @Override
  public void add(ApiKeyRecord record) {
    throw new IllegalStateException(HOW);
  }

  @Override
  public List<ApiKeyRecord> all() {
    return List.of();
  }

  @Override
  public Optional<ApiKeyRecord> revoke(String id) {
    throw new IllegalStateException(HOW);
  }
}
