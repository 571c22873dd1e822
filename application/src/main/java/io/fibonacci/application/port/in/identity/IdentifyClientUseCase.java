package io.fibonacci.application.port.in.identity;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Checks a presented credential. A bad one fails the stage with an {@code INVALID_CREDENTIALS}
 * failure whose reason names why; it is never downgraded to anonymous.
 */
public interface IdentifyClientUseCase {

  CompletionStage<ClientIdentity> identify(Credential credential);

  /**
   * Finds the one credential among what a request presented and checks it: empty when it presented
   * none (an anonymous request). {@code Authorization} of another scheme than {@code Bearer}, an
   * empty value, or two different credentials are refused as malformed rather than guessed between.
   */
  CompletionStage<Optional<ClientIdentity>> identify(PresentedCredentials presented);
}
