package io.fibonacci.domain.model.identity;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/**
 * A credential that was presented and refused. Fact: {@link Fact#REASON}, the {@link
 * CredentialRefusal}'s label. Never carries the credential itself.
 */
public final class InvalidCredentialException extends FibonacciException {

  private final CredentialRefusal refusal;

  public InvalidCredentialException(CredentialRefusal refusal) {
    super(ErrorCode.INVALID_CREDENTIALS, Map.of(Fact.REASON, refusal.label()));
    this.refusal = refusal;
  }

  public CredentialRefusal refusal() {
    return refusal;
  }
}
