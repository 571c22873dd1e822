package io.fibonacci.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.domain.model.identity.ApiKey;
import io.fibonacci.domain.model.identity.ApiKeyRecord;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisApiKeyStoreIT {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  private final String prefix = REDIS.keyPrefix() + UUID.randomUUID() + ":";
  private final SplittableRandom random = new SplittableRandom(17);

  @Test
  void keepsKeysByDigestOnlyAndSharesThemBetweenInstances() {
    var here = new RedisApiKeyStore(REDIS.newLink(), prefix);
    var there = new RedisApiKeyStore(REDIS.newLink(), prefix);
    ApiKey key = ApiKey.generate(random);
    ApiKeyRecord record =
        ApiKeyRecord.issued(key, "pro", "shared", Instant.parse("2026-12-01T10:00:00Z"), random);

    here.add(record);

    assertThat(there.find(key.digest()).join()).contains(record);
    assertThat(there.all()).containsExactly(record);
    assertThat(REDIS.keys(prefix + "*"))
        .allSatisfy(k -> assertThat(k).doesNotContain(key.reveal()))
        .contains(prefix + "key:" + key.digest().hex(), prefix + "ids");
    assertThat(REDIS.inspect().hgetall(prefix + "key:" + key.digest().hex()))
        .containsEntry("id", record.id())
        .containsEntry("plan", "pro")
        .containsEntry("label", "shared")
        .containsEntry("created", "2026-12-01T10:00:00Z")
        .containsEntry("status", "active")
        .allSatisfy((field, value) -> assertThat(value).doesNotContain(key.reveal()));
  }

  @Test
  void letsEveryInstanceSeeARevocationWithinSeconds() throws Exception {
    var here = new RedisApiKeyStore(REDIS.newLink(), prefix);
    var there = new RedisApiKeyStore(REDIS.newLink(), prefix);
    ApiKey key = ApiKey.generate(random);
    ApiKeyRecord record = ApiKeyRecord.issued(key, "free", "", Instant.now(), random);
    here.add(record);
    assertThat(there.find(key.digest()).join())
        .hasValueSatisfying(r -> assertThat(r.revoked()).isFalse());

    Optional<ApiKeyRecord> revoked = here.revoke(record.id());
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    boolean seen = false;
    while (!seen && System.nanoTime() < end) {
      seen = there.find(key.digest()).join().map(ApiKeyRecord::revoked).orElse(false);
      Thread.sleep(100);
    }

    assertThat(revoked).hasValueSatisfying(r -> assertThat(r.revoked()).isTrue());
    assertThat(seen).isTrue();
    assertThat(here.revoke("key_000000000000")).isEmpty();
  }

  @Test
  void answersAnUnknownDigestAsAbsent() {
    var store = new RedisApiKeyStore(REDIS.newLink(), prefix);

    assertThat(store.find(ApiKey.generate(random).digest()).join()).isEmpty();
  }
}
