package io.fibonacci.infrastructure.redis;

import io.fibonacci.application.port.out.RateLimiter;
import io.fibonacci.domain.model.ratelimit.ClientKey;
import io.fibonacci.domain.model.ratelimit.FixedWindow;
import io.fibonacci.domain.model.ratelimit.LimitState;
import io.fibonacci.domain.model.ratelimit.RateLimitDecision;
import io.fibonacci.domain.model.ratelimit.RateLimitOutcome;
import io.fibonacci.domain.model.ratelimit.RateLimitPolicy;
import io.fibonacci.shared.Nullable;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The rate limiter shared by every instance that uses one Redis: each check is one round trip, a
 * Lua script ({@code rate-limit.lua}) that applies the rule of {@link RateLimitPolicy#decide}
 * atomically and returns the state it decided on; {@code decide} then builds, from that state, what
 * the client is told, so both limiters report the same quotas.
 *
 * <p>Time is Redis's own clock ({@code TIME}), so instances whose clocks disagree still agree on
 * every client's limits. Tests hand the script the time of a {@link Clock} instead.
 *
 * <p>Keys, all with a time to live so that an idle client leaves nothing behind:
 *
 * <ul>
 *   <li>{@code rl:v1:{client}:bucket}: the instant the client's bucket is full again, as {@code
 *       <seconds>:<nanoseconds>}; it expires at that instant (a missing key is a full bucket);
 *   <li>{@code rl:v1:{client}:<window>:<index>}: the requests counted in one fixed window (e.g.
 *       {@code minute}), expiring when the window ends.
 * </ul>
 *
 * The braces make the client a hash tag: all of one client's keys live on one cluster slot, as a
 * script touching several keys requires. The {@code v1} changes with the layout.
 *
 * <p>The script is run by its digest ({@code EVALSHA}) and sent again whole when Redis does not
 * know it ({@code NOSCRIPT}, e.g. after a restart). A check that cannot reach Redis fails; the
 * caller decides the fallback.
 */
public final class RedisRateLimiter implements RateLimiter {

  /** The prefix of every key in production. */
  public static final String KEY_PREFIX = "rl:v1:";

  private static final LuaScript SCRIPT = LuaScript.load("rate-limit.lua");
  private static final byte[] SERVER_TIME = new byte[0];

  /** The longest fill time whose nanoseconds the script computes exactly (2^53). */
  private static final long MAX_EXACT_NANOS = 1L << 53;

  private final RedisLink link;
  private final RateLimitPolicy policy;
  private final String keyPrefix;
  private final @Nullable Clock clock;
  private final byte[][] policyArguments;

  /**
   * A limiter whose time is {@code clock}, handed to Redis with each check, or Redis's own clock
   * when {@code clock} is null. Tests use the first (through their fixtures), production the
   * second.
   */
  RedisRateLimiter(
      RedisLink link, RateLimitPolicy policy, String keyPrefix, @Nullable Clock clock) {
    this.link = Objects.requireNonNull(link, "link");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.clock = clock;
    if (policy.refillNanos(policy.capacity()) >= MAX_EXACT_NANOS) {
      throw new IllegalArgumentException(
          "the Redis rate limiter needs a bucket that fills within 104 days, got "
              + policy.timeToFill());
    }
    List<byte[]> arguments = new ArrayList<>();
    arguments.add(ascii(policy.capacity()));
    arguments.add(ascii(policy.nanosPerToken()));
    arguments.add(ascii(policy.windows().size()));
    for (FixedWindow window : policy.windows()) {
      arguments.add(window.name().getBytes(StandardCharsets.UTF_8));
      arguments.add(ascii(window.seconds()));
      arguments.add(ascii(window.limit()));
    }
    this.policyArguments = arguments.toArray(byte[][]::new);
  }

  /** The production limiter: Redis's clock is the time of every limit. */
  public static RedisRateLimiter withServerTime(
      RedisLink link, RateLimitPolicy policy, String keyPrefix) {
    return new RedisRateLimiter(link, policy, keyPrefix, null);
  }

  @Override
  public CompletionStage<RateLimitDecision> tryAcquire(ClientKey client, long cost) {
    Objects.requireNonNull(client, "client");
    if (cost < 1) {
      throw new IllegalArgumentException("a request costs at least 1 token, got " + cost);
    }
    String base = keyPrefix + "{" + client.value() + "}:";
    byte[][] keys = {(base + "bucket").getBytes(StandardCharsets.UTF_8)};
    byte[][] arguments = arguments(base, cost);
    return link.commands()
        .thenCompose(
            commands -> SCRIPT.<List<Object>>run(commands, ScriptOutputType.MULTI, keys, arguments))
        .thenApply(reply -> decide(reply, cost));
  }

  @Override
  public long maxCost() {
    return policy.capacity();
  }

  private byte[][] arguments(String base, long cost) {
    byte[][] arguments = new byte[5 + policyArguments.length][];
    arguments[0] = base.getBytes(StandardCharsets.UTF_8);
    if (clock == null) {
      arguments[1] = SERVER_TIME;
      arguments[2] = SERVER_TIME;
    } else {
      Instant now = clock.instant();
      arguments[1] = ascii(now.getEpochSecond());
      arguments[2] = ascii(now.getNano());
    }
    arguments[3] = ascii(cost);
    System.arraycopy(policyArguments, 0, arguments, 4, policyArguments.length);
    return arguments;
  }

  /**
   * Rebuilds the decision from the state the script decided on. The script and the policy apply one
   * rule (a shared table of cases keeps them together); should they ever disagree, the check fails
   * rather than tell the client something that did not happen.
   */
  private RateLimitDecision decide(List<Object> reply, long cost) {
    boolean allowed = number(reply, 0) == 1;
    long debt = number(reply, 1);
    long epochSecond = number(reply, 2);
    long now = epochSecond * RateLimitPolicy.NANOS + number(reply, 3);
    List<FixedWindow> windows = policy.windows();
    long[] indexes = new long[windows.size()];
    long[] counts = new long[windows.size()];
    for (int i = 0; i < windows.size(); i++) {
      indexes[i] = windows.get(i).indexAt(epochSecond);
      counts[i] = number(reply, 4 + i);
    }
    RateLimitOutcome outcome = policy.decide(LimitState.of(now + debt, indexes, counts), now, cost);
    if (outcome.decision().allowed() != allowed) {
      throw new IllegalStateException(
          "the rate-limit script and RateLimitPolicy disagree on " + reply + " at cost " + cost);
    }
    return outcome.decision();
  }

  private static long number(List<Object> reply, int index) {
    if (reply == null || reply.size() <= index || !(reply.get(index) instanceof Long value)) {
      throw new IllegalStateException("unexpected reply of the rate-limit script: " + reply);
    }
    return value;
  }

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }
}
