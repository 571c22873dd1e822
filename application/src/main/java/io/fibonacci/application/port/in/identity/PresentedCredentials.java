package io.fibonacci.application.port.in.identity;

import java.util.List;
import java.util.Objects;

/**
 * What a request presented as credentials, as its headers held them: every {@code Authorization}
 * value and every {@code X-API-Key} value. Its text form never shows them.
 */
public record PresentedCredentials(List<String> authorizations, List<String> apiKeys) {

  public PresentedCredentials {
    authorizations = List.copyOf(Objects.requireNonNull(authorizations, "authorizations"));
    apiKeys = List.copyOf(Objects.requireNonNull(apiKeys, "apiKeys"));
  }

  public boolean none() {
    return authorizations.isEmpty() && apiKeys.isEmpty();
  }

  @Override
  public String toString() {
    return "PresentedCredentials["
        + authorizations.size()
        + " Authorization, "
        + apiKeys.size()
        + " X-API-Key]";
  }
}
