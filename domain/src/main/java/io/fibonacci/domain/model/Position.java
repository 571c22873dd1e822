package io.fibonacci.domain.model;

/** An index n into the Fibonacci sequence: a non-negative integer. */
public record Position(int value) implements Comparable<Position> {

  public Position {
    if (value < 0) {
      throw new IllegalArgumentException("a position is non-negative, got " + value);
    }
  }

  public static Position of(int value) {
    return new Position(value);
  }

  @Override
  public int compareTo(Position other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
