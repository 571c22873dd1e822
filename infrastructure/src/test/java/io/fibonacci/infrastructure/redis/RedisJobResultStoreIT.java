package io.fibonacci.infrastructure.redis;

import io.fibonacci.application.port.out.jobs.JobResultStore;
import io.fibonacci.infrastructure.contract.JobResultStoreContract;
import io.fibonacci.infrastructure.testing.RedisTestServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisJobResultStoreIT extends JobResultStoreContract {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  @Override
  protected JobResultStore store() {
    return new RedisJobResultStore(
        REDIS.newLink(), REDIS.keyPrefix() + UUID.randomUUID() + ":", Duration.ofHours(1));
  }
}
