package io.fibonacci.infrastructure.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import io.fibonacci.application.port.out.identity.TokenVerifier;
import io.fibonacci.domain.model.identity.CredentialRefusal;
import io.fibonacci.domain.model.identity.InvalidCredentialException;
import io.fibonacci.shared.Nullable;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * JWTs checked with Nimbus JOSE+JWT: RS256 or ES256 signatures only, against the issuer's key set
 * ({@code auth.jwt.jwks-uri}), which Nimbus caches and fetches again for a key id it does not know
 * (at most once per {@link #REFRESH_AT_MOST_EVERY}, so made-up key ids cannot make the service
 * hammer the identity provider); {@code exp} required, {@code nbf} honoured, {@code iss} and {@code
 * aud} checked when configured, 60 s of leeway. A verified token is remembered until shortly before
 * it expires, so a client's next requests pay no signature check; checks that may fetch the key set
 * run on {@code executor}, never on the event loop.
 */
public final class NimbusTokenVerifier implements TokenVerifier {

  static final Duration LEEWAY = Duration.ofSeconds(60);
  static final Duration REFRESH_AT_MOST_EVERY = Duration.ofSeconds(30);
  private static final Duration KEYS_CACHED = Duration.ofMinutes(5);
  private static final Duration FORGET_BEFORE_EXPIRY = Duration.ofSeconds(5);
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final String planClaim;
  private final Executor executor;
  private final Clock clock;
  private final Cache<String, Verified> verified;

  private record Verified(VerifiedToken token, Instant expiresAt) {}

  /**
   * @param issuer the required {@code iss}, or null for any
   * @param audience the required {@code aud}, or null for any
   */
  public NimbusTokenVerifier(
      URL jwks,
      @Nullable String issuer,
      @Nullable String audience,
      String planClaim,
      Executor executor,
      Clock clock) {
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.<SecurityContext>create(jwks)
            .cache(KEYS_CACHED.toMillis(), Duration.ofSeconds(5).toMillis())
            .rateLimited(REFRESH_AT_MOST_EVERY.toMillis())
            .retrying(false)
            .build();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    if (issuer != null) {
      exact.issuer(issuer);
    }
    Set<String> required = new HashSet<>(Set.of("exp", "sub", "iss"));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(audience, exact.build(), required);
    claims.setMaxClockSkew((int) LEEWAY.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    this.planClaim = Objects.requireNonNull(planClaim, "planClaim");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(
                new Expiry<String, Verified>() {
                  @Override
                  public long expireAfterCreate(String key, Verified value, long now) {
                    Duration left =
                        Duration.between(clock.instant(), value.expiresAt())
                            .minus(FORGET_BEFORE_EXPIRY);
                    return Math.max(0, left.toNanos());
                  }

                  @Override
                  public long expireAfterUpdate(
                      String key, Verified value, long now, long duration) {
                    return duration;
                  }

                  @Override
                  public long expireAfterRead(String key, Verified value, long now, long duration) {
                    return duration;
                  }
                })
            .build();
  }

  @Override
  public CompletableFuture<VerifiedToken> verify(String token) {
    Verified known = verified.getIfPresent(token);
    if (known != null && clock.instant().isBefore(known.expiresAt())) {
      return CompletableFuture.completedFuture(known.token());
    }
    JWT parsed;
    try {
      parsed = JWTParser.parse(token);
    } catch (ParseException malformed) {
      return refused(CredentialRefusal.MALFORMED);
    }
    if (!(parsed instanceof SignedJWT signed)
        || !ALGORITHMS.contains(signed.getHeader().getAlgorithm())) {
      return refused(CredentialRefusal.UNSUPPORTED_ALGORITHM);
    }
    return CompletableFuture.supplyAsync(() -> check(token, signed), executor);
  }

  private VerifiedToken check(String text, SignedJWT token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ExpiredJWTException expired) {
      throw new InvalidCredentialException(CredentialRefusal.EXPIRED);
    } catch (BadJWSException forged) {
      throw new InvalidCredentialException(CredentialRefusal.BAD_SIGNATURE);
    } catch (BadJWTException bad) {
      throw new InvalidCredentialException(refusalOf(bad.getMessage()));
    } catch (BadJOSEException noKey) {
      throw new InvalidCredentialException(CredentialRefusal.UNKNOWN_KEY_ID);
    } catch (KeySourceException noKeyNow) {
      // The key set holds no key of this id, and may not be fetched again yet (rate limit).
      throw new InvalidCredentialException(CredentialRefusal.UNKNOWN_KEY_ID);
    } catch (JOSEException unverifiable) {
      throw new InvalidCredentialException(CredentialRefusal.BAD_SIGNATURE);
    }
    String plan;
    try {
      plan = claims.getStringClaim(planClaim);
    } catch (ParseException notText) {
      plan = null;
    }
    if (plan == null || claims.getExpirationTime() == null) {
      throw new InvalidCredentialException(
          plan == null ? CredentialRefusal.UNKNOWN_PLAN : CredentialRefusal.NO_EXPIRY);
    }
    VerifiedToken verifiedToken = new VerifiedToken(claims.getIssuer(), claims.getSubject(), plan);
    verified.put(
        text, new Verified(verifiedToken, claims.getExpirationTime().toInstant().plus(LEEWAY)));
    return verifiedToken;
  }

  /** Nimbus says why a claim was refused in its message only. */
  private static CredentialRefusal refusalOf(@Nullable String message) {
    String why = message == null ? "" : message;
    if (why.contains("before use time")) {
      return CredentialRefusal.NOT_YET_VALID;
    }
    if (why.contains("missing required claims") && why.contains("exp")) {
      return CredentialRefusal.NO_EXPIRY;
    }
    if (why.contains("aud")) {
      return CredentialRefusal.WRONG_AUDIENCE;
    }
    if (why.contains("iss")) {
      return CredentialRefusal.WRONG_ISSUER;
    }
    return CredentialRefusal.MALFORMED;
  }

  private static CompletableFuture<VerifiedToken> refused(CredentialRefusal why) {
    return CompletableFuture.failedFuture(new InvalidCredentialException(why));
  }
}
