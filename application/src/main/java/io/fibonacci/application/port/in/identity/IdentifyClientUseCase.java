package io.fibonacci.application.port.in.identity;

import java.util.concurrent.CompletionStage;

/**
 * Checks a presented credential. A bad one fails the stage with an {@code INVALID_CREDENTIALS}
 * failure whose reason names why; it is never downgraded to anonymous.
 */
public interface IdentifyClientUseCase {

  CompletionStage<ClientIdentity> identify(Credential credential);
}
