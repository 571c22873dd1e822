package io.fibonacci.application.port.out;

import io.fibonacci.shared.Nullable;

/**
 * Where the current request stands in its trace, as text that work done later (a job's run, on any
 * instance) can link back to; null when the request is not traced.
 */
public interface TraceOrigin {

  /** Tracing is off: no origin. */
  TraceOrigin NONE = () -> null;

  /** The origin of the calling thread's current work (read on the request's thread). */
  @Nullable
  String current();
}
