package io.fibonacci.application.port.out.identity;

import io.fibonacci.domain.model.identity.ApiKeyDigest;
import io.fibonacci.domain.model.identity.ApiKeyRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where API keys are kept, by digest only: no store ever holds a key itself. Changes made elsewhere
 * (another instance, the command line) are seen within seconds.
 */
public interface ApiKeyStore {

  /** The key with this digest, revoked or not; empty when none. */
  CompletableFuture<Optional<ApiKeyRecord>> find(ApiKeyDigest digest);

  /** Stores a new key. */
  void add(ApiKeyRecord record);

  /** Every key, oldest first. */
  List<ApiKeyRecord> all();

  /** Marks the key with this id revoked; empty when there is no such key. */
  Optional<ApiKeyRecord> revoke(String id);
}
