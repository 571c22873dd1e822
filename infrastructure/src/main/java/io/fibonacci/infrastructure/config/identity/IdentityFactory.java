package io.fibonacci.infrastructure.config.identity;

import io.fibonacci.application.port.in.identity.IdentifyClientUseCase;
import io.fibonacci.application.port.in.identity.ManageApiKeysUseCase;
import io.fibonacci.application.port.out.identity.ApiKeyStore;
import io.fibonacci.application.service.identity.IdentifyClientService;
import io.fibonacci.application.service.identity.ManageApiKeysService;
import io.fibonacci.infrastructure.config.RedisConfigured;
import io.fibonacci.infrastructure.config.jobs.JobsProperties;
import io.fibonacci.infrastructure.config.ratelimit.PlanCatalog;
import io.fibonacci.infrastructure.config.ratelimit.RateLimitProperties;
import io.fibonacci.infrastructure.config.redis.RedisProperties;
import io.fibonacci.infrastructure.file.FileApiKeyStore;
import io.fibonacci.infrastructure.inmemory.NoApiKeyStore;
import io.fibonacci.infrastructure.observability.MicrometerCredentialAudit;
import io.fibonacci.infrastructure.redis.RedisApiKeyStore;
import io.fibonacci.infrastructure.redis.RedisLink;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Client identity: the API key store (Redis with {@code REDIS_URI}, else the file {@code
 * auth.api-keys.file}, env {@code AUTH_API_KEYS_FILE}; with neither no key exists), the plans, and
 * the use cases that check and manage credentials.
 */
@Factory
public class IdentityFactory {

  /** Set by the command line, which reads the key file once instead of watching it. */
  public static final String WATCH_PROPERTY = "auth.api-keys.watch";

  /** Built when the application starts, so a bad plan stops the start with a message. */
  @Context
  @Requires(property = "rate-limit.enabled", notEquals = "false")
  PlanCatalog planCatalog(
      Environment environment, RateLimitProperties rateLimit, JobsProperties jobs) {
    return PlanCatalog.of(environment, rateLimit, jobs.maxActivePerClient());
  }

  /** With rate limiting off, plans only name clients and cap their jobs. */
  @Context
  @Requires(property = "rate-limit.enabled", value = "false")
  PlanCatalog unlimitedPlanCatalog(Environment environment, JobsProperties jobs) {
    return PlanCatalog.of(environment, null, jobs.maxActivePerClient());
  }

  private static final String IDENTITY = "identity";

  @Singleton
  @Named(IDENTITY)
  @Bean(preDestroy = "close")
  @Requires(condition = RedisConfigured.class)
  RedisLink identityLink(
      BeanLocator beans,
      @Property(name = RedisConfigured.URI_PROPERTY) String uri,
      RedisProperties redis) {
    return RedisLink.create(beans, uri, redis.commandTimeout(), redis.connectTimeout());
  }

  /** With {@code REDIS_URI}, keys live in Redis, shared by every instance. */
  @Singleton
  @Requires(condition = RedisConfigured.class)
  ApiKeyStore redisApiKeyStore(@Named(IDENTITY) RedisLink link) {
    return new RedisApiKeyStore(link, RedisApiKeyStore.KEY_PREFIX);
  }

  @Singleton
  @Bean(preDestroy = "close")
  @Requires(condition = RedisConfigured.Absent.class)
  @Requires(condition = ApiKeysFileConfigured.class)
  FileApiKeyStore fileApiKeyStore(
      @Value("${" + ApiKeysFileConfigured.FILE_PROPERTY + "}") String file,
      @Value("${" + WATCH_PROPERTY + ":true}") boolean watch) {
    return new FileApiKeyStore(Path.of(file), watch);
  }

  @Singleton
  @Requires(condition = RedisConfigured.Absent.class)
  @Requires(condition = ApiKeysFileConfigured.Absent.class)
  ApiKeyStore noApiKeyStore() {
    return new NoApiKeyStore();
  }

  @Singleton
  IdentifyClientUseCase identifyClientUseCase(
      ApiKeyStore keys, PlanCatalog plans, MeterRegistry registry) {
    return new IdentifyClientService(keys, plans.names(), new MicrometerCredentialAudit(registry));
  }

  @Singleton
  ManageApiKeysUseCase manageApiKeysUseCase(ApiKeyStore keys, PlanCatalog plans, Clock clock) {
    return new ManageApiKeysService(keys, plans.names(), clock, new SecureRandom());
  }
}
