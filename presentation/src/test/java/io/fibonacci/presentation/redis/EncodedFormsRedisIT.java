package io.fibonacci.presentation.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fibonacci.presentation.http.KnownVectors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In Redis mode the digits are shared and each instance builds its own gzip form from them: a value
 * computed by one instance is served gzipped by the other, with the same tag and bytes, and Redis
 * holds the digits only.
 */
class EncodedFormsRedisIT {

  private static final String PATH = "/api/v1/fibonacci/500000";

  private static TwoInstances instances;

  @BeforeAll
  static void startRedisAndTwoInstances() {
    instances = TwoInstances.start(Map.of("fibonacci.cache.warm-up-count", 0));
  }

  @AfterAll
  static void stopEverything() {
    if (instances != null) {
      instances.close();
    }
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  @Test
  void servesAValueFromRedisGzippedByAnInstanceThatNeverComputedIt() throws Exception {
    var vector = KnownVectors.of(500_000);

    var computed = instances.first.getBytes(PATH, "Accept", "text/plain");
    var fromRedis =
        instances.second.getBytes(PATH, "Accept", "text/plain", "Accept-Encoding", "gzip");
    var again = instances.first.getBytes(PATH, "Accept", "text/plain", "Accept-Encoding", "gzip");

    assertThat(computed.statusCode()).isEqualTo(200);
    assertThat(KnownVectors.sha256(computed.body())).isEqualTo(vector.sha256());
    assertThat(fromRedis.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gunzip(fromRedis.body())).isEqualTo(computed.body());
    assertThat(fromRedis.headers().firstValue("ETag")).hasValue("\"fib-v1-500000-text-gzip\"");
    assertThat(again.body()).isEqualTo(fromRedis.body());
    assertThat(instances.redis.keys("fib:*")).containsExactly("fib:v1:500000");
  }
}
