package io.fibonacci.infrastructure.redis;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fibonacci.application.port.out.identity.ApiKeyStore;
import io.fibonacci.application.port.out.identity.CredentialStoreUnavailableException;
import io.fibonacci.domain.model.identity.ApiKeyDigest;
import io.fibonacci.domain.model.identity.ApiKeyRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * API keys shared by every instance: the hash {@code auth:v1:key:<digest>} holds a key's record
 * (fields {@code id}, {@code plan}, {@code label}, {@code created}, {@code status}; never the key),
 * {@code auth:v1:ids} maps ids to digests for listing and revoking. Keys have no time to live: they
 * last until revoked.
 *
 * <p>In front of Redis, a bounded local cache: a key looked up within the last {@link #REFRESH}
 * costs no round trip; after that the next lookup answers from the cache and reloads in the
 * background, so a revocation reaches every instance within a few seconds, and a key in the cache
 * keeps working while Redis is down (its last known state). Unknown digests are cached the same
 * way, so a client repeating a made-up key costs one round trip per refresh.
 */
public final class RedisApiKeyStore implements ApiKeyStore {

  /** How old a cached answer may be before the next lookup reloads it. */
  public static final Duration REFRESH = Duration.ofSeconds(2);

  public static final String KEY_PREFIX = "auth:v1:";

  private static final long CACHED_KEYS = 100_000;
  private static final long RETRY_AFTER_SECONDS = 5;

  private static final String ID = "id";
  private static final String PLAN = "plan";
  private static final String LABEL = "label";
  private static final String CREATED = "created";
  private static final String STATUS = "status";
  private static final String ACTIVE = "active";
  private static final String REVOKED = "revoked";

  private final RedisLink link;
  private final String prefix;
  private final AsyncLoadingCache<ApiKeyDigest, Optional<ApiKeyRecord>> cache;

  public RedisApiKeyStore(RedisLink link, String keyPrefix) {
    this.link = Objects.requireNonNull(link, "link");
    this.prefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(CACHED_KEYS)
            .refreshAfterWrite(REFRESH)
            .buildAsync((digest, executor) -> load(digest));
  }

  @Override
  public CompletableFuture<Optional<ApiKeyRecord>> find(ApiKeyDigest digest) {
    return RedisFailures.translated(
        cache.get(digest),
        why -> new CredentialStoreUnavailableException(RETRY_AFTER_SECONDS, why));
  }

  private CompletableFuture<Optional<ApiKeyRecord>> load(ApiKeyDigest digest) {
    return link.commands()
        .thenCompose(commands -> commands.hgetall(recordKey(digest)).toCompletableFuture())
        .thenApply(fields -> decode(digest, fields));
  }

  @Override
  public void add(ApiKeyRecord record) {
    link.commands()
        .thenCompose(
            commands ->
                commands
                    .hset(recordKey(record.digest()), encode(record))
                    .toCompletableFuture()
                    .thenCompose(
                        ok ->
                            commands
                                .hset(idsKey(), utf8(record.id()), utf8(record.digest().hex()))
                                .toCompletableFuture()))
        .join();
    cache.synchronous().invalidate(record.digest());
  }

  @Override
  public List<ApiKeyRecord> all() {
    Map<byte[], byte[]> ids =
        link.commands().thenCompose(c -> c.hgetall(idsKey()).toCompletableFuture()).join();
    List<ApiKeyRecord> records = new ArrayList<>();
    for (byte[] digest : ids.values()) {
      load(new ApiKeyDigest(new String(digest, StandardCharsets.US_ASCII)))
          .join()
          .ifPresent(records::add);
    }
    records.sort(Comparator.comparing(ApiKeyRecord::createdAt).thenComparing(ApiKeyRecord::id));
    return records;
  }

  @Override
  public Optional<ApiKeyRecord> revoke(String id) {
    byte[] digest =
        link.commands().thenCompose(c -> c.hget(idsKey(), utf8(id)).toCompletableFuture()).join();
    if (digest == null) {
      return Optional.empty();
    }
    ApiKeyDigest key = new ApiKeyDigest(new String(digest, StandardCharsets.US_ASCII));
    Optional<ApiKeyRecord> found = load(key).join();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiKeyRecord revoked = found.get().revoke();
    link.commands()
        .thenCompose(c -> c.hset(recordKey(key), utf8(STATUS), utf8(REVOKED)).toCompletableFuture())
        .join();
    cache.synchronous().invalidate(key);
    return Optional.of(revoked);
  }

  private byte[] recordKey(ApiKeyDigest digest) {
    return utf8(prefix + "key:" + digest.hex());
  }

  private byte[] idsKey() {
    return utf8(prefix + "ids");
  }

  static Map<byte[], byte[]> encode(ApiKeyRecord record) {
    Map<byte[], byte[]> fields = new LinkedHashMap<>();
    fields.put(utf8(ID), utf8(record.id()));
    fields.put(utf8(PLAN), utf8(record.plan()));
    fields.put(utf8(LABEL), utf8(record.label()));
    fields.put(utf8(CREATED), utf8(record.createdAt().toString()));
    fields.put(utf8(STATUS), utf8(record.revoked() ? REVOKED : ACTIVE));
    return fields;
  }

  /** The record of a hash; empty for no hash (Redis answers an absent key with no fields). */
  static Optional<ApiKeyRecord> decode(ApiKeyDigest digest, Map<byte[], byte[]> hash) {
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> fields = new HashMap<>();
    hash.forEach(
        (name, value) ->
            fields.put(
                new String(name, StandardCharsets.UTF_8),
                new String(value, StandardCharsets.UTF_8)));
    return Optional.of(
        new ApiKeyRecord(
            field(fields, ID),
            digest,
            field(fields, PLAN),
            field(fields, LABEL),
            Instant.parse(field(fields, CREATED)),
            REVOKED.equals(field(fields, STATUS))));
  }

  private static String field(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalStateException("not an API key record of this version: no " + name);
    }
    return value;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
