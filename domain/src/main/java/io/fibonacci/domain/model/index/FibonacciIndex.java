package io.fibonacci.domain.model.index;

/**
 * Where a value sits in the sequence: it is F(n) (for 1, the smaller n, 1), or it lies strictly
 * between F(below) and F(above), above = below + 1.
 */
public sealed interface FibonacciIndex {

  /** The value is F(n). */
  record Exact(long n) implements FibonacciIndex {}

  /** F(below) < value < F(above), the nearest Fibonacci numbers on either side. */
  record Between(long below, long above) implements FibonacciIndex {

    public Between {
      if (above != below + 1 || below < 0) {
        throw new IllegalArgumentException("neighbours are consecutive positions");
      }
    }
  }
}
