package io.fibonacci.presentation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * JWTs against a key set served by the test itself (real RSA and EC keys made here): valid tokens
 * make their issuer and subject the client under the plan they name; every kind of bad token is
 * refused with 401 and its reason, never served as anonymous.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtCredentialsTest implements TestPropertyProvider {

  private static final String ISSUER = "https://issuer.test";
  private static final String AUDIENCE = "fibonacci-api";

  private final RSAKey rsa = generateRsa("rsa-1");
  private final ECKey ec = generateEc("ec-1");
  private final RSAKey stranger = generateRsa("rsa-1"); // the same kid, another key
  private final RSAKey unlisted = generateRsa("not-in-the-set");
  private final AtomicInteger keySetFetches = new AtomicInteger();
  private final HttpServer issuer = startIssuer();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "auth.jwt.jwks-uri",
        "http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks",
        "auth.jwt.issuer",
        ISSUER,
        "auth.jwt.audience",
        AUDIENCE,
        "rate-limit.plans.pro.bucket.capacity",
        "5000");
  }

  @AfterAll
  void stopIssuer() {
    issuer.stop(0);
  }

  @Test
  void servesValidRsaAndEcTokensAsTheirSubjectUnderTheirPlan() throws Exception {
    var byRsa = get(rs256(rsa, claims("alice").build()));
    var byEc = get(es256(ec, claims("bob").build()));

    assertThat(byRsa.statusCode()).as(byRsa.body()).isEqualTo(200);
    assertThat(byEc.statusCode()).as(byEc.body()).isEqualTo(200);
    assertThat(byRsa.headers().firstValue("RateLimit-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).startsWith("\"bucket\";q=5000;"));
  }

  @Test
  void refusesEveryBadTokenWithItsReason() throws Exception {
    Instant now = Instant.now();
    Map<String, String> cases =
        Map.ofEntries(
            Map.entry(
                rs256(rsa, claims("c").expirationTime(Date.from(now.minusSeconds(120))).build()),
                "expired"),
            Map.entry(
                rs256(rsa, claims("c").notBeforeTime(Date.from(now.plusSeconds(300))).build()),
                "not_yet_valid"),
            Map.entry(rs256(rsa, claims("c").expirationTime(null).build()), "no_expiry"),
            Map.entry(rs256(rsa, claims("c").issuer("https://other.test").build()), "wrong_issuer"),
            Map.entry(rs256(rsa, claims("c").audience("someone-else").build()), "wrong_audience"),
            Map.entry(rs256(stranger, claims("c").build()), "bad_signature"),
            Map.entry(new PlainJWT(claims("c").build()).serialize(), "unsupported_algorithm"),
            Map.entry(hs256WithThePublicKey(claims("c").build()), "unsupported_algorithm"),
            Map.entry(rs256(unlisted, claims("c").build()), "unknown_key_id"),
            Map.entry(rs256(rsa, claims("c").claim("plan", "gold").build()), "unknown_plan"),
            Map.entry("not.a.token", "malformed"));

    for (var bad : cases.entrySet()) {
      var refused = get(bad.getKey());

      assertThat(refused.statusCode()).as(bad.getValue() + ": " + refused.body()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate"))
          .as(bad.getValue())
          .hasValueSatisfying(
              header ->
                  assertThat(header).contains("error_description=\"" + bad.getValue() + "\""));
      assertThat(refused.body()).doesNotContain(bad.getKey());
    }
  }

  @Test
  void fetchesTheKeySetAgainForAnUnknownKeyIdAtMostOnceInAWhile() throws Exception {
    get(rs256(rsa, claims("warm").build()));
    int before = keySetFetches.get();

    for (int i = 0; i < 5; i++) {
      get(rs256(generateRsa("made-up-" + i), claims("c").build()));
    }

    assertThat(keySetFetches.get() - before).isLessThanOrEqualTo(1);
  }

  private java.net.http.HttpResponse<String> get(String token) {
    return new HttpProbe(server).get("/api/v1/fibonacci/13", "Authorization", "Bearer " + token);
  }

  private static JWTClaimsSet.Builder claims(String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("plan", "pro");
  }

  private static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static String es256(ECKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  /** The classic confusion attack: HMAC keyed with the issuer's public key. */
  private String hs256WithThePublicKey(JWTClaimsSet claims) throws Exception {
    byte[] secret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims);
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }

  private HttpServer startIssuer() {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] keySet =
          new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()))
              .toString()
              .getBytes(StandardCharsets.UTF_8);
      http.createContext(
          "/jwks",
          exchange -> {
            keySetFetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
          });
      http.start();
      return http;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static RSAKey generateRsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey generateEc(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
