package io.fibonacci.domain.calculator;

/**
 * The few operations the squares-only doubling needs, so that one loop ({@link
 * SquaresOnlyDoubling}) serves every number type. Each call works on numbers of up to millions of
 * digits, so the indirection costs nothing measurable.
 */
interface DoublingArithmetic<T> {

  T zero();

  T one();

  T multiply(T left, T right);

  T add(T left, T right);

  T subtract(T left, T right);

  /** 2x. */
  T twice(T value);

  /** 4x. */
  T quadruple(T value);

  /** value − 2 when {@code minus}, else value + 2: the 2(−1)^k term of the identities. */
  T plusOrMinusTwo(T value, boolean minus);
}
