package io.fibonacci.presentation.http.identity;

import io.fibonacci.application.port.in.identity.ClientIdentity;
import io.fibonacci.application.port.in.identity.Credential;
import io.fibonacci.application.port.in.identity.IdentifyClientUseCase;
import io.fibonacci.presentation.http.client.ClientKeyResolver;
import io.fibonacci.presentation.http.problem.FibonacciExceptionHandler;
import io.fibonacci.shared.FibonacciException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Checks the credential of every API request that presents one ({@code Authorization: Bearer} or
 * {@code X-API-Key}) before anything is charged: a valid one makes the request its client's (see
 * {@link ClientKeyResolver}); a bad one is answered {@code 401} at once and never served as
 * anonymous. A request with no credential passes untouched (anonymous, per address).
 *
 * <p>Runs after the cross-origin filter, so that preflights are answered without credentials and a
 * refusal still carries the CORS headers a browser needs to read it.
 */
@ServerFilter({"/api/**", "/fibonacci", "/fibonacci/**"})
public final class CredentialFilter implements Ordered {

  public static final String API_KEY_HEADER = "X-API-Key";
  private static final String BEARER = "bearer ";

  private final IdentifyClientUseCase identify;

  CredentialFilter(IdentifyClientUseCase identify) {
    this.identify = identify;
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE + 20;
  }

  @RequestFilter
  CompletableFuture<@Nullable MutableHttpResponse<?>> check(HttpRequest<?> request) {
    Optional<Credential> credential;
    try {
      credential = credentialOf(request);
    } catch (FibonacciException malformed) {
      return CompletableFuture.completedFuture(
          FibonacciExceptionHandler.respond(request, malformed));
    }
    if (credential.isEmpty()) {
      return NO_CREDENTIAL;
    }
    CompletableFuture<ClientIdentity> identity =
        identify.identify(credential.get()).toCompletableFuture();
    return identity.handle((found, failure) -> outcome(request, identity));
  }

  private static final CompletableFuture<@Nullable MutableHttpResponse<?>> NO_CREDENTIAL =
      CompletableFuture.completedFuture(null);

  /** Continues with the identity noted on the request, or answers the refusal. */
  private static @Nullable MutableHttpResponse<?> outcome(
      HttpRequest<?> request, CompletableFuture<ClientIdentity> identity) {
    try {
      request.setAttribute(ClientKeyResolver.IDENTITY, identity.join());
      return null;
    } catch (RuntimeException failure) {
      return FibonacciExceptionHandler.respond(
          request, FibonacciExceptionHandler.expectedOrRethrow(failure));
    }
  }

  /**
   * The one credential of the request, if any. Two different ones, or an {@code Authorization}
   * header of another scheme, are refused as malformed rather than guessed between.
   */
  static Optional<Credential> credentialOf(HttpRequest<?> request) {
    List<String> authorizations = request.getHeaders().getAll(HttpHeaders.AUTHORIZATION);
    List<String> keys = request.getHeaders().getAll(API_KEY_HEADER);
    if (authorizations.size() + keys.size() > 1) {
      String only = authorizations.isEmpty() ? null : bearerOf(authorizations.get(0));
      boolean sameKeyTwice =
          authorizations.size() <= 1
              && keys.stream().distinct().count() == 1
              && (only == null ? authorizations.isEmpty() : only.equals(keys.get(0).trim()));
      if (!sameKeyTwice) {
        throw new MalformedCredentialException();
      }
    }
    if (!authorizations.isEmpty()) {
      String token = bearerOf(authorizations.get(0));
      if (token == null || token.isEmpty()) {
        throw new MalformedCredentialException();
      }
      return Optional.of(new Credential(Credential.Scheme.BEARER, token));
    }
    if (!keys.isEmpty()) {
      String key = keys.get(0).trim();
      if (key.isEmpty()) {
        throw new MalformedCredentialException();
      }
      return Optional.of(new Credential(Credential.Scheme.API_KEY_HEADER, key));
    }
    return Optional.empty();
  }

  private static @Nullable String bearerOf(String authorization) {
    String value = authorization.trim();
    if (value.length() < BEARER.length()
        || !value.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return null;
    }
    return value.substring(BEARER.length()).trim();
  }
}
