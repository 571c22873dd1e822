package io.fibonacci.application.service.modular;

/**
 * What F(n) mod m and π(m) cost, and where they run, from the work they do (see the README's cost
 * model): {@code 1 + floor(work / workPerToken)} tokens, computed on the caller's thread up to
 * {@code inlineMaxWork} and on the compute pool beyond.
 *
 * <p>For F(n) mod m the work is the bits of n times the square of m's 32-bit words; for π(m) it is
 * the trial divisions of the factorings, about 2 √m.
 */
public record ModularCostPolicy(long inlineMaxWork, long workPerToken) {

  public ModularCostPolicy {
    if (inlineMaxWork < 0 || workPerToken < 1) {
      throw new IllegalArgumentException("inlineMaxWork >= 0 and workPerToken >= 1");
    }
  }

  public long costOf(long work) {
    return 1 + work / workPerToken;
  }

  public boolean inline(long work) {
    return work <= inlineMaxWork;
  }
}
