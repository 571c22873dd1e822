package io.fibonacci.infrastructure.observability;

import io.fibonacci.application.port.out.identity.CredentialAudit;
import io.fibonacci.domain.model.identity.CredentialRefusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code fibonacci_auth_failures_total{reason}}: refused credentials by reason, every reason
 * registered at 0 so that a rate is defined before the first refusal. The credential is never a
 * label; the reasons are a fixed set.
 */
public final class MicrometerCredentialAudit implements CredentialAudit {

  static final String FAILURES = "fibonacci.auth.failures";

  private final Map<CredentialRefusal, Counter> counters = new EnumMap<>(CredentialRefusal.class);

  public MicrometerCredentialAudit(MeterRegistry registry) {
    for (CredentialRefusal reason : CredentialRefusal.values()) {
      counters.put(
          reason,
          Counter.builder(FAILURES)
              .description("Credentials refused with 401, by reason")
              .tag("reason", reason.label())
              .register(registry));
    }
  }

  @Override
  public void refused(CredentialRefusal reason) {
    Counter counter = counters.get(reason);
    if (counter != null) {
      counter.increment();
    }
  }
}
