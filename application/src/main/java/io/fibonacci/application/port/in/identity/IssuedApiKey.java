package io.fibonacci.application.port.in.identity;

/**
 * A key just made: the only time its secret is seen, to be handed to its owner.
 *
 * @param key the key's view
 * @param secret the key itself
 */
public record IssuedApiKey(ApiKeyView key, String secret) {

  @Override
  public String toString() {
    return "IssuedApiKey[" + key + "]";
  }
}
