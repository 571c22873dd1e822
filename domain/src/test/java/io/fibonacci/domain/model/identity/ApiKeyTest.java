package io.fibonacci.domain.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void makesKeysOfTheDocumentedShapeThatParseBack() {
    ApiKey key = ApiKey.generate(random);

    String text = key.reveal();

    assertThat(text).hasSize(40).startsWith("fib_").matches("fib_[0-9A-Za-z]{36}");
    assertThat(ApiKey.parse(text)).isEqualTo(key);
    assertThat(ApiKey.parse(text).digest()).isEqualTo(key.digest());
  }

  @Test
  void neverShowsTheSecretInItsTextForm() {
    ApiKey key = ApiKey.generate(random);

    assertThat(key.toString()).doesNotContain(key.reveal().substring(4, 20));
  }

  @Test
  void refusesEverySingleCharacterTypoByItsChecksum() {
    String text = ApiKey.generate(new SecureRandom()).reveal();
    int refused = 0;
    int tried = 0;
    for (int i = 4; i < text.length(); i++) {
      for (char c : new char[] {'0', 'a', 'Z', 'q'}) {
        if (text.charAt(i) == c) {
          continue;
        }
        String typo = text.substring(0, i) + c + text.substring(i + 1);
        tried++;
        try {
          ApiKey.parse(typo);
        } catch (InvalidCredentialException e) {
          assertThat(e.refusal()).isEqualTo(CredentialRefusal.BAD_CHECKSUM);
          refused++;
        }
      }
    }
    assertThat(refused).isEqualTo(tried);
  }

  @Test
  void refusesWhatIsNotTheShapeOfAKeyAsMalformed() {
    String good = ApiKey.generate(random).reveal();
    for (String bad :
        new String[] {
          "",
          "fib_",
          good.substring(1),
          good + "x",
          "fob_" + good.substring(4),
          good.substring(0, 10) + "-" + good.substring(11),
          good.replace('f', 'F')
        }) {
      assertThatThrownBy(() -> ApiKey.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidCredentialException.class,
              e -> assertThat(e.refusal()).isEqualTo(CredentialRefusal.MALFORMED));
    }
  }

  @Test
  void digestsDifferentKeysDifferentlyAndTheSameKeyTheSame() {
    Set<ApiKeyDigest> digests = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      digests.add(ApiKey.generate(random).digest());
    }
    ApiKey one = ApiKey.generate(random);

    assertThat(digests).hasSize(1_000);
    assertThat(ApiKey.parse(one.reveal()).digest().hex()).hasSize(64).isEqualTo(one.digest().hex());
  }

  @Test
  void recordsKeepTheDigestAnIdAndTheirRevocation() {
    ApiKey key = ApiKey.generate(random);

    ApiKeyRecord record =
        ApiKeyRecord.issued(key, "pro", "batch job", Instant.parse("2026-12-01T10:00:00Z"), random);

    assertThat(record.id()).matches("key_[0-9A-Za-z]{12}");
    assertThat(ApiKeyRecord.isId(record.id())).isTrue();
    assertThat(record.digest()).isEqualTo(key.digest());
    assertThat(record.revoked()).isFalse();
    assertThat(record.revoke().revoked()).isTrue();
    assertThat(record.toString()).doesNotContain(key.reveal());
    assertThatThrownBy(
            () -> ApiKeyRecord.issued(key, "pro", "tab\tin it", record.createdAt(), random))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
