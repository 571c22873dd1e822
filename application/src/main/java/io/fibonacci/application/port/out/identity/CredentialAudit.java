package io.fibonacci.application.port.out.identity;

import io.fibonacci.domain.model.identity.CredentialRefusal;

/** Where refused credentials are counted, by reason (never with the credential). */
public interface CredentialAudit {

  /** Counts nothing. */
  CredentialAudit NONE = reason -> {};

  void refused(CredentialRefusal reason);
}
