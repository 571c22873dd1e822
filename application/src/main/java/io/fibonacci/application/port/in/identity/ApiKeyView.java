package io.fibonacci.application.port.in.identity;

import java.time.Instant;

/** What may be shown of an API key: everything but the key. */
public record ApiKeyView(
    String id, String plan, String label, Instant createdAt, boolean revoked) {}
