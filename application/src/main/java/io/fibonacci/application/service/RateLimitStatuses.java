package io.fibonacci.application.service;

import io.fibonacci.application.port.in.RateLimitStatus;
import io.fibonacci.domain.model.ratelimit.QuotaUsage;
import java.util.ArrayList;
import java.util.List;

/** The domain's quota usage as every in-port reports it. */
public final class RateLimitStatuses {

  private RateLimitStatuses() {}

  /** The quotas as the in-port reports them, so that callers never see a domain type. */
  public static RateLimitStatus of(List<QuotaUsage> quotas) {
    if (quotas.isEmpty()) {
      return RateLimitStatus.UNLIMITED;
    }
    List<RateLimitStatus.Quota> reported = new ArrayList<>(quotas.size());
    for (QuotaUsage quota : quotas) {
      reported.add(
          new RateLimitStatus.Quota(
              quota.name(),
              quota.limit(),
              quota.windowSeconds(),
              quota.remaining(),
              quota.resetSeconds()));
    }
    return new RateLimitStatus(reported);
  }
}
