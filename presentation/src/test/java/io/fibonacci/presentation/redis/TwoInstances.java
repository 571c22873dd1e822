package io.fibonacci.presentation.redis;

import java.util.Map;

/** A private Redis and two service instances sharing it, started and stopped together. */
final class TwoInstances implements AutoCloseable {

  final LocalRedis redis;
  final ServiceInstance first;
  final ServiceInstance second;

  private TwoInstances(LocalRedis redis, ServiceInstance first, ServiceInstance second) {
    this.redis = redis;
    this.first = first;
    this.second = second;
  }

  static TwoInstances start(Map<String, Object> settings) {
    LocalRedis redis = LocalRedis.start();
    ServiceInstance first = null;
    try {
      first = ServiceInstance.start(redis.uri(), settings);
      return new TwoInstances(redis, first, ServiceInstance.start(redis.uri(), settings));
    } catch (RuntimeException e) {
      if (first != null) {
        first.close();
      }
      redis.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      first.close();
      second.close();
    } finally {
      redis.close();
    }
  }
}
