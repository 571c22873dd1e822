package io.fibonacci.domain.port;

import java.util.concurrent.CancellationException;

/**
 * What a long computation tells its caller between doubling steps, and how the caller stops it: a
 * plain callback, called on the computing thread.
 */
public interface ComputationMonitor {

  /** A monitor that listens to nothing and never cancels. */
  ComputationMonitor NONE =
      new ComputationMonitor() {
        @Override
        public void progressed(double fractionOfWork) {}

        @Override
        public boolean cancelled() {
          return false;
        }
      };

  /**
   * The share of the computation's work done so far, from 0 to 1, never smaller than the last one
   * reported. Work, not bits: each doubling step costs about 2.8 times the one before it.
   */
  void progressed(double fractionOfWork);

  /** Asked before each step: true stops the computation with a {@link CancellationException}. */
  boolean cancelled();
}
