package io.fibonacci.presentation.http.problem;

import io.fibonacci.shared.ErrorCode;
import io.fibonacci.shared.FibonacciException;
import java.util.Map;

/** The request body is not of the media type the resource reads. */
public final class UnsupportedMediaTypeException extends FibonacciException {

  public UnsupportedMediaTypeException(String detail) {
    super(ErrorCode.UNSUPPORTED_MEDIA_TYPE, Map.of(), detail);
  }
}
