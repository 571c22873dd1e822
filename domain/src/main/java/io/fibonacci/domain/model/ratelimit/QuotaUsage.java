package io.fibonacci.domain.model.ratelimit;

/**
 * Where a client stands against one quota after a decision.
 *
 * @param name the quota's name: {@code bucket} or a window's name such as {@code minute}
 * @param limit the bucket capacity in tokens, or the requests a window allows
 * @param windowSeconds the time over which the quota is granted (the bucket's time to fill)
 * @param remaining what is left now
 * @param resetSeconds whole seconds until the quota is whole again (bucket) or the window restarts
 */
public record QuotaUsage(
    String name, long limit, long windowSeconds, long remaining, long resetSeconds) {}
