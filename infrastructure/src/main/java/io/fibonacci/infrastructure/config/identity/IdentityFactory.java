package io.fibonacci.infrastructure.config.identity;

import io.fibonacci.application.port.in.identity.IdentifyClientUseCase;
import io.fibonacci.application.port.in.identity.ManageApiKeysUseCase;
import io.fibonacci.application.port.out.identity.ApiKeyStore;
import io.fibonacci.application.port.out.identity.TokenVerifier;
import io.fibonacci.application.service.identity.IdentifyClientService;
import io.fibonacci.application.service.identity.ManageApiKeysService;
import io.fibonacci.infrastructure.config.RedisConfigured;
import io.fibonacci.infrastructure.config.jobs.JobsProperties;
import io.fibonacci.infrastructure.config.ratelimit.PlanCatalog;
import io.fibonacci.infrastructure.config.ratelimit.RateLimitProperties;
import io.fibonacci.infrastructure.config.redis.RedisProperties;
import io.fibonacci.infrastructure.file.FileApiKeyStore;
import io.fibonacci.infrastructure.inmemory.NoApiKeyStore;
import io.fibonacci.infrastructure.jwt.NimbusTokenVerifier;
import io.fibonacci.infrastructure.observability.MicrometerCredentialAudit;
import io.fibonacci.infrastructure.redis.RedisApiKeyStore;
import io.fibonacci.infrastructure.redis.RedisLink;
import io.fibonacci.infrastructure.redis.RedisLinks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;

/**
 * Client identity: the API key store (Redis with {@code REDIS_URI} or {@code REDIS_CLUSTER_URIS},
 * else the file {@code auth.api-keys.file}, env {@code AUTH_API_KEYS_FILE}; with neither no key
 * exists), the plans, and the use cases that check and manage credentials.
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
  RedisLink identityLink(RedisLinks links, RedisProperties redis) {
    return links.open(redis.commandTimeout());
  }

  /** With Redis (one node or a cluster), keys live there, shared by every instance. */
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

  /**
   * JWTs, when {@code auth.jwt.jwks-uri} (env {@code AUTH_JWT_JWKS_URI}) names the issuer's key
   * set; {@code auth.jwt.issuer} and {@code auth.jwt.audience} are checked when set, and the plan
   * comes from the claim {@code auth.jwt.plan-claim} (default {@code plan}).
   */
  @Singleton
  TokenVerifier tokenVerifier(
      @Value("${auth.jwt.jwks-uri:}") String jwks,
      @Value("${auth.jwt.issuer:}") String issuer,
      @Value("${auth.jwt.audience:}") String audience,
      @Value("${auth.jwt.plan-claim:plan}") String planClaim,
      Clock clock) {
    if (jwks.isBlank()) {
      return TokenVerifier.NONE;
    }
    try {
      return new NimbusTokenVerifier(
          URI.create(jwks).toURL(),
          issuer.isBlank() ? null : issuer,
          audience.isBlank() ? null : audience,
          planClaim,
          Executors.newVirtualThreadPerTaskExecutor(),
          clock);
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new ConfigurationException(
          "Invalid configuration: auth.jwt.jwks-uri must be an http(s) URL, got " + jwks, e);
    }
  }

  @Singleton
  IdentifyClientUseCase identifyClientUseCase(
      ApiKeyStore keys, PlanCatalog plans, MeterRegistry registry, TokenVerifier tokens) {
    return new IdentifyClientService(
        keys, plans.names(), new MicrometerCredentialAudit(registry), tokens);
  }

  @Singleton
  ManageApiKeysUseCase manageApiKeysUseCase(ApiKeyStore keys, PlanCatalog plans, Clock clock) {
    return new ManageApiKeysService(keys, plans.names(), clock, new SecureRandom());
  }
}
