package io.fibonacci.application.port.in;

import java.util.List;

/**
 * The state of every quota that applies to a client, as reported to it after a request. Empty when
 * rate limiting is off.
 */
public record RateLimitStatus(List<Quota> quotas) {

  public static final RateLimitStatus UNLIMITED = new RateLimitStatus(List.of());

  public RateLimitStatus {
    quotas = List.copyOf(quotas);
  }

  public boolean isLimited() {
    return !quotas.isEmpty();
  }

  /**
   * One named quota.
   *
   * @param name policy name, e.g. {@code bucket} or {@code minute}
   * @param limit the quota: bucket capacity in tokens, or requests per window
   * @param windowSeconds the time over which the quota is granted
   * @param remaining what is left now
   * @param resetSeconds seconds until the quota is whole again (bucket) or the window restarts
   */
  public record Quota(
      String name, long limit, long windowSeconds, long remaining, long resetSeconds) {}
}
