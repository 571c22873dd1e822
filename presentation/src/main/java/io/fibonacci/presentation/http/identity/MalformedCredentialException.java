package io.fibonacci.presentation.http.identity;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/**
 * Credential headers that are no credential (another scheme, an empty value, two different
 * credentials): refused by presentation before any use case, with the use case's reason.
 */
final class MalformedCredentialException extends FibonacciException {

  MalformedCredentialException() {
    super(ErrorCode.INVALID_CREDENTIALS, Map.of(Fact.REASON, "malformed"));
  }
}
