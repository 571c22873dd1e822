package io.fibonacci.application.service.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fibonacci.application.port.in.identity.ClientIdentity;
import io.fibonacci.application.port.in.identity.Credential;
import io.fibonacci.application.port.in.identity.Credential.Scheme;
import io.fibonacci.application.port.in.identity.IssuedApiKey;
import io.fibonacci.application.port.in.identity.PresentedCredentials;
import io.fibonacci.application.port.out.identity.ApiKeyStore;
import io.fibonacci.application.port.out.identity.TokenVerifier;
import io.fibonacci.domain.model.identity.ApiKeyDigest;
import io.fibonacci.domain.model.identity.ApiKeyRecord;
import io.fibonacci.domain.model.identity.CredentialRefusal;
import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApiKeyUseCasesTest {

  private final Store store = new Store();
  private final Set<String> plans = Set.of("free", "pro");
  private final ManageApiKeysService manage =
      new ManageApiKeysService(
          store,
          plans,
          Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
          new SplittableRandom(5));
  private final List<CredentialRefusal> refusals = new ArrayList<>();
  private final IdentifyClientService identify =
      new IdentifyClientService(store, plans, refusals::add, TokenVerifier.NONE);

  @Test
  void identifiesTheOwnerOfAKeyByItsPlanAndIdFromEitherHeader() {
    IssuedApiKey issued = manage.create("pro", "nightly batch");

    ClientIdentity bearer = identified(new Credential(Scheme.BEARER, issued.secret()));
    ClientIdentity header = identified(new Credential(Scheme.API_KEY_HEADER, issued.secret()));

    assertThat(bearer).isEqualTo(header);
    assertThat(bearer.plan()).isEqualTo("pro");
    assertThat(bearer.subject()).isEqualTo(issued.key().id());
    assertThat(bearer.clientKey()).isEqualTo("id:pro:" + issued.key().id());
    assertThat(store.records)
        .singleElement()
        .satisfies(r -> assertThat(r.toString()).doesNotContain(issued.secret()));
  }

  @Test
  void refusesAMistypedKeyWithoutLookingItUp() {
    String secret = manage.create("pro", "").secret();
    String typo =
        secret.substring(0, 10) + (secret.charAt(10) == 'a' ? 'b' : 'a') + secret.substring(11);
    int lookupsBefore = store.lookups.get();

    assertThat(reasonOf(new Credential(Scheme.API_KEY_HEADER, typo))).isEqualTo("bad_checksum");
    assertThat(store.lookups.get()).isEqualTo(lookupsBefore);
  }

  @Test
  void refusesUnknownRevokedMalformedOversizedAndNonKeyBearerCredentials() {
    IssuedApiKey revoked = manage.create("free", "");
    manage.revoke(revoked.key().id());
    String unknown =
        new ManageApiKeysService(new Store(), plans, Clock.systemUTC(), new SplittableRandom(9))
            .create("free", "")
            .secret();

    assertThat(reasonOf(new Credential(Scheme.API_KEY_HEADER, revoked.secret())))
        .isEqualTo("revoked");
    assertThat(reasonOf(new Credential(Scheme.API_KEY_HEADER, unknown))).isEqualTo("unknown");
    assertThat(reasonOf(new Credential(Scheme.API_KEY_HEADER, "fib_short"))).isEqualTo("malformed");
    assertThat(reasonOf(new Credential(Scheme.API_KEY_HEADER, "not a key"))).isEqualTo("malformed");
    assertThat(reasonOf(new Credential(Scheme.BEARER, "x".repeat(5_000)))).isEqualTo("too_large");
    assertThat(reasonOf(new Credential(Scheme.BEARER, "eyJhbGciOiJSUzI1NiJ9.e30.c2ln")))
        .isEqualTo("jwt_not_accepted");
  }

  @Test
  void findsTheOneCredentialAmongTheHeadersOrRefusesWhatIsNotOne() {
    String key = manage.create("pro", "").secret();
    String other = manage.create("pro", "").secret();

    assertThat(presented(List.of(), List.of())).isEmpty();
    assertThat(presented(List.of("Bearer " + key), List.of())).isPresent();
    assertThat(presented(List.of("bearer   " + key), List.of(" " + key))).isPresent();
    assertThat(presented(List.of(), List.of(key, key))).isPresent();
    for (var bad :
        List.of(
            List.of(List.of("Basic dXNlcjpwYXNz"), List.<String>of()),
            List.of(List.of("Bearer"), List.<String>of()),
            List.of(List.<String>of(), List.of(" ")),
            List.of(List.of("Bearer " + key), List.of(other)),
            List.of(List.of("Bearer " + key, "Bearer " + other), List.<String>of()))) {
      assertThatThrownBy(() -> presented(bad.get(0), bad.get(1)))
          .as(bad.toString())
          .hasCauseInstanceOf(FibonacciException.class)
          .cause()
          .hasMessageContaining("malformed");
    }
  }

  @Test
  void countsEveryRefusalByItsReason() {
    String secret = manage.create("pro", "").secret();
    String typo =
        secret.substring(0, 10) + (secret.charAt(10) == 'a' ? 'b' : 'a') + secret.substring(11);

    reasonOf(new Credential(Scheme.API_KEY_HEADER, typo));
    reasonOf(new Credential(Scheme.BEARER, "eyJ0eXAiOiJKV1QifQ.e30.sig"));
    assertThatThrownBy(() -> presented(List.of("Basic x"), List.of())).isNotNull();
    identified(new Credential(Scheme.API_KEY_HEADER, secret));

    assertThat(refusals)
        .containsExactly(
            CredentialRefusal.BAD_CHECKSUM,
            CredentialRefusal.JWT_NOT_ACCEPTED,
            CredentialRefusal.MALFORMED);
  }

  private java.util.Optional<ClientIdentity> presented(
      List<String> authorizations, List<String> apiKeys) {
    return identify
        .identify(new PresentedCredentials(authorizations, apiKeys))
        .toCompletableFuture()
        .join();
  }

  @Test
  void refusesAKeyWhosePlanIsNoLongerConfigured() {
    IssuedApiKey issued = manage.create("pro", "");
    var withoutPro = new IdentifyClientService(store, Set.of("free"));

    assertThatThrownBy(
            () ->
                withoutPro
                    .identify(new Credential(Scheme.API_KEY_HEADER, issued.secret()))
                    .toCompletableFuture()
                    .join())
        .hasCauseInstanceOf(FibonacciException.class);
  }

  @Test
  void namesTheActiveKeysWhosePlanIsNoLongerConfigured() {
    IssuedApiKey kept = manage.create("pro", "kept");
    IssuedApiKey revoked = manage.create("pro", "revoked");
    manage.create("free", "still planned");
    manage.revoke(revoked.key().id());
    var withoutPro =
        new ManageApiKeysService(store, Set.of("free"), Clock.systemUTC(), new SplittableRandom(3));

    assertThat(withoutPro.activeWithoutPlan())
        .extracting(v -> v.id())
        .containsExactly(kept.key().id());
    assertThat(manage.activeWithoutPlan()).isEmpty();
  }

  @Test
  void makesKeysForConfiguredPlansOnlyAndListsAndRevokesThemById() {
    IssuedApiKey one = manage.create("free", "laptop");
    manage.create("pro", "server");

    var revoked = manage.revoke(one.key().id());

    assertThatThrownBy(() -> manage.create("gold", "")).hasMessageContaining("no plan gold");
    assertThat(revoked).hasValueSatisfying(view -> assertThat(view.revoked()).isTrue());
    assertThat(manage.revoke("key_doesnotexist")).isEmpty();
    assertThat(manage.revoke("not an id")).isEmpty();
    assertThat(manage.list()).extracting(v -> v.label()).containsExactly("laptop", "server");
    assertThat(one.toString()).doesNotContain(one.secret());
  }

  private ClientIdentity identified(Credential credential) {
    return identify.identify(credential).toCompletableFuture().join();
  }

  private String reasonOf(Credential credential) {
    try {
      identified(credential);
    } catch (CompletionException e) {
      FibonacciException refused = (FibonacciException) e.getCause();
      assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
      return refused.text(Fact.REASON);
    }
    throw new AssertionError("accepted " + credential);
  }

  /** A store in a list, counting its lookups. */
  static final class Store implements ApiKeyStore {
    final List<ApiKeyRecord> records = new ArrayList<>();
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public CompletableFuture<Optional<ApiKeyRecord>> find(ApiKeyDigest digest) {
      lookups.incrementAndGet();
      return CompletableFuture.completedFuture(
          records.stream().filter(r -> r.digest().equals(digest)).findFirst());
    }

    @Override
    public void add(ApiKeyRecord record) {
      records.add(record);
    }

    @Override
    public List<ApiKeyRecord> all() {
      return List.copyOf(records);
    }

    @Override
    public Optional<ApiKeyRecord> revoke(String id) {
      for (int i = 0; i < records.size(); i++) {
        if (records.get(i).id().equals(id)) {
          records.set(i, records.get(i).revoke());
          return Optional.of(records.get(i));
        }
      }
      return Optional.empty();
    }
  }
}
