package io.fibonacci.application.service.identity;

import io.fibonacci.application.port.in.identity.ClientIdentity;
import io.fibonacci.application.port.in.identity.Credential;
import io.fibonacci.application.port.in.identity.IdentifyClientUseCase;
import io.fibonacci.application.port.in.identity.PresentedCredentials;
import io.fibonacci.application.port.out.identity.ApiKeyStore;
import io.fibonacci.application.port.out.identity.CredentialAudit;
import io.fibonacci.application.port.out.identity.TokenVerifier;
import io.fibonacci.domain.model.identity.ApiKey;
import io.fibonacci.domain.model.identity.ApiKeyRecord;
import io.fibonacci.domain.model.identity.CredentialRefusal;
import io.fibonacci.domain.model.identity.InvalidCredentialException;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks a credential: its size first, then (for an API key) its shape and checksum without any
 * lookup, then the store by digest. A key of a plan no longer configured is refused as unknown.
 * Bearer tokens that are not API keys are refused until a JWT issuer is configured.
 */
public final class IdentifyClientService implements IdentifyClientUseCase {

  /** Larger than any key (40 characters) or reasonable JWT; refused before any parsing. */
  public static final int MAX_CREDENTIAL_LENGTH = 4_096;

  private static final String BEARER = "bearer ";

  private final ApiKeyStore keys;
  private final Set<String> plans;
  private final CredentialAudit audit;
  private final TokenVerifier tokens;

  public IdentifyClientService(ApiKeyStore keys, Set<String> plans) {
    this(keys, plans, CredentialAudit.NONE, TokenVerifier.NONE);
  }

  public IdentifyClientService(
      ApiKeyStore keys, Set<String> plans, CredentialAudit audit, TokenVerifier tokens) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.plans = Set.copyOf(plans);
    this.audit = Objects.requireNonNull(audit, "audit");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  public CompletionStage<Optional<ClientIdentity>> identify(PresentedCredentials presented) {
    if (presented.none()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    Optional<Credential> credential = onlyCredentialOf(presented);
    if (credential.isEmpty()) {
      return refused(CredentialRefusal.MALFORMED);
    }
    return identify(credential.get()).thenApply(Optional::of);
  }

  /** The one credential presented, or empty when what was presented is not one credential. */
  private static Optional<Credential> onlyCredentialOf(PresentedCredentials presented) {
    if (presented.authorizations().isEmpty() && presented.apiKeys().size() == 1) {
      // The usual case, without the lists below.
      String key = presented.apiKeys().get(0).strip();
      return key.isEmpty()
          ? Optional.empty()
          : Optional.of(new Credential(Credential.Scheme.API_KEY_HEADER, key));
    }
    List<String> tokens = new ArrayList<>();
    for (String authorization : presented.authorizations()) {
      String value = authorization.strip();
      if (value.length() <= BEARER.length()
          || !value.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
        return Optional.empty();
      }
      tokens.add(value.substring(BEARER.length()).strip());
    }
    List<String> keysPresented = presented.apiKeys().stream().map(String::strip).toList();
    List<String> all = new ArrayList<>(tokens);
    all.addAll(keysPresented);
    if (all.stream().anyMatch(String::isEmpty) || all.stream().distinct().count() != 1) {
      return Optional.empty();
    }
    return Optional.of(
        tokens.isEmpty()
            ? new Credential(Credential.Scheme.API_KEY_HEADER, all.get(0))
            : new Credential(Credential.Scheme.BEARER, all.get(0)));
  }

  @Override
  public CompletionStage<ClientIdentity> identify(Credential credential) {
    String secret = credential.secret();
    if (secret.length() > MAX_CREDENTIAL_LENGTH) {
      return refused(CredentialRefusal.TOO_LARGE);
    }
    if (credential.scheme() == Credential.Scheme.BEARER && !ApiKey.looksLikeOne(secret)) {
      return tokens
          .verify(secret)
          .handle(
              (token, failure) -> {
                if (failure != null) {
                  Throwable cause =
                      failure instanceof java.util.concurrent.CompletionException
                              && failure.getCause() != null
                          ? failure.getCause()
                          : failure;
                  if (cause instanceof InvalidCredentialException refused) {
                    audit.refused(refused.refusal());
                  }
                  return CompletableFuture.<ClientIdentity>failedFuture(cause);
                }
                return identityOf(token);
              })
          .thenCompose(identity -> identity);
    }
    ApiKey key;
    try {
      key = ApiKey.parse(secret);
    } catch (InvalidCredentialException refused) {
      audit.refused(refused.refusal());
      return CompletableFuture.failedFuture(refused);
    }
    return keys.find(key.digest()).thenCompose(this::identityOf);
  }

  private <T> CompletableFuture<T> refused(CredentialRefusal why) {
    audit.refused(why);
    return CompletableFuture.failedFuture(new InvalidCredentialException(why));
  }

  /** A token's client: its issuer and subject, under the plan its claim names. */
  private CompletableFuture<ClientIdentity> identityOf(TokenVerifier.VerifiedToken token) {
    if (!plans.contains(token.plan())) {
      return refused(CredentialRefusal.UNKNOWN_PLAN);
    }
    String subject = "jwt:" + token.issuer() + "|" + token.subject();
    ClientKey client = ClientKey.identified(token.plan(), subject);
    return CompletableFuture.completedFuture(
        new ClientIdentity(client.value(), token.plan(), subject));
  }

  private CompletableFuture<ClientIdentity> identityOf(Optional<ApiKeyRecord> found) {
    if (found.isEmpty() || !plans.contains(found.get().plan())) {
      return refused(CredentialRefusal.UNKNOWN);
    }
    ApiKeyRecord record = found.get();
    if (record.revoked()) {
      return refused(CredentialRefusal.REVOKED);
    }
    ClientKey client = ClientKey.identified(record.plan(), record.id());
    return CompletableFuture.completedFuture(
        new ClientIdentity(client.value(), record.plan(), record.id()));
  }
}
