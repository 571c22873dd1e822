package io.fibonacci.application.port.in.jobs;

import io.fibonacci.shared.Nullable;
import java.util.Objects;

/**
 * A request for a job computing F(n).
 *
 * @param client whom the job belongs to and is charged to; not empty
 * @param position n exactly as the client wrote it (validated by the use case)
 * @param idempotencyKey the client's key for retrying this very request safely, or null
 * @param fingerprint what makes two requests with one key the same request (their canonical body)
 */
public record SubmitJobCommand(
    String client, String position, @Nullable String idempotencyKey, String fingerprint) {

  public SubmitJobCommand {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (client.isEmpty()) {
      throw new IllegalArgumentException("a client key is not empty");
    }
  }
}
