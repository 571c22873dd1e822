package io.fibonacci.domain.model.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32;

/**
 * An API key as a client presents it: {@code fib_} (a prefix that secret scanners can look for), 30
 * random base62 characters (178 bits) and a 6-character base62 CRC32 of what precedes it, so that a
 * mistyped key is refused without a lookup. 40 ASCII characters in all.
 *
 * <p>{@link #toString()} never shows the secret; only {@link #reveal()} does, for the one time a
 * new key is handed to its owner.
 */
public final class ApiKey {

  public static final String PREFIX = "fib_";
  static final int RANDOM_LENGTH = 30;
  static final int CHECKSUM_LENGTH = 6;
  public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /** One digest per thread: {@code MessageDigest.getInstance} looks up a provider every time. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
          });

  private final String text;

  private ApiKey(String text) {
    this.text = text;
  }

  /** A new key from the given source of randomness (a {@code SecureRandom} in production). */
  public static ApiKey generate(RandomGenerator random) {
    StringBuilder key = new StringBuilder(LENGTH).append(PREFIX);
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      key.append(BASE62.charAt(random.nextInt(BASE62.length())));
    }
    key.append(checksumOf(key));
    return new ApiKey(key.toString());
  }

  /**
   * The key in {@code text}, checked for shape and checksum only (whether it exists is the store's
   * to say).
   *
   * @throws InvalidCredentialException {@code malformed} or {@code bad_checksum}
   */
  public static ApiKey parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() != LENGTH || !text.startsWith(PREFIX)) {
      throw new InvalidCredentialException(CredentialRefusal.MALFORMED);
    }
    for (int i = PREFIX.length(); i < LENGTH; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        throw new InvalidCredentialException(CredentialRefusal.MALFORMED);
      }
    }
    String body = text.substring(0, LENGTH - CHECKSUM_LENGTH);
    if (!checksumOf(body).equals(text.substring(LENGTH - CHECKSUM_LENGTH))) {
      throw new InvalidCredentialException(CredentialRefusal.BAD_CHECKSUM);
    }
    return new ApiKey(text);
  }

  /** Whether a bearer credential claims to be an API key (and must then be one). */
  public static boolean looksLikeOne(String credential) {
    return credential.startsWith(PREFIX);
  }

  public ApiKeyDigest digest() {
    byte[] hash = SHA_256.get().digest(text.getBytes(StandardCharsets.US_ASCII));
    return new ApiKeyDigest(HexFormat.of().formatHex(hash));
  }

  /** The secret itself: only for handing a new key to its owner, once. */
  public String reveal() {
    return text;
  }

  @Override
  public String toString() {
    return PREFIX + "…(secret)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKey key
        && MessageDigest.isEqual(
            text.getBytes(StandardCharsets.US_ASCII), key.text.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() {
    return digest().hashCode();
  }

  private static String checksumOf(CharSequence body) {
    CRC32 crc = new CRC32();
    crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    char[] digits = new char[CHECKSUM_LENGTH];
    for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
      digits[i] = BASE62.charAt((int) (value % BASE62.length()));
      value /= BASE62.length();
    }
    return new String(digits);
  }
}
