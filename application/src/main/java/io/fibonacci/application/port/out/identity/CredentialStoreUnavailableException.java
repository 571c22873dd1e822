package io.fibonacci.application.port.out.identity;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/**
 * The key store cannot be reached, and the key is not among those an instance has seen lately: the
 * credential is neither accepted nor refused, and the caller may try again after the pause given.
 * Fact: {@link Fact#RETRY_AFTER_SECONDS}.
 */
public final class CredentialStoreUnavailableException extends FibonacciException {

  /**
   * @param why what the store's client reported, for the log (callers read a sentence of their own)
   */
  public CredentialStoreUnavailableException(long retryAfterSeconds, String why) {
    super(
        ErrorCode.CREDENTIALS_UNAVAILABLE,
        Map.of(Fact.RETRY_AFTER_SECONDS, retryAfterSeconds),
        "the key store cannot be reached: " + why);
  }
}
