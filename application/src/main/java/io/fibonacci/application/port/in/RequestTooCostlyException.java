package io.fibonacci.application.port.in;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.Fact;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/**
 * A request whose cost exceeds what the client's bucket can ever hold: waiting would not help.
 * Facts: {@link Fact#POSITION}, its {@link Fact#COST}, the bucket's {@link Fact#CAPACITY} and the
 * largest position a request may ask for ({@link Fact#MAXIMUM}).
 */
public final class RequestTooCostlyException extends FibonacciException {

  public RequestTooCostlyException(long position, long cost, long capacity, long maximum) {
    super(
        ErrorCode.REQUEST_TOO_COSTLY,
        Map.of(
            Fact.POSITION,
            position,
            Fact.COST,
            cost,
            Fact.CAPACITY,
            capacity,
            Fact.MAXIMUM,
            maximum));
  }
}
