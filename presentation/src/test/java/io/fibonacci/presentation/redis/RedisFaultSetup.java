package io.fibonacci.presentation.redis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh Redis and one service on it for each test of a fault; both are gone afterwards. */
abstract class RedisFaultSetup {

  protected LocalRedis redis;
  protected ServiceInstance service;

  @BeforeEach
  void startRedisAndService() {
    redis = LocalRedis.start();
    service = RedisFaults.serviceOn(redis);
  }

  @AfterEach
  void stopServiceAndRedis() {
    RedisFaults.closeBoth(service, redis);
  }
}
