package io.fibonacci.application.port.out.sequence;

/**
 * Told what sequence streams do: how many are open, how many rows they made, and how each ended, so
 * that a stream whose reader went away can be seen to stop.
 */
public interface StreamObserver {

  /** Observes nothing. */
  StreamObserver NONE =
      new StreamObserver() {
        @Override
        public void opened() {}

        @Override
        public void produced() {}

        @Override
        public void closed(boolean completed) {}
      };

  void opened();

  /** One more row was made. */
  void produced();

  /**
   * The stream ended: every planned row was made ({@code completed}), or it was closed before (the
   * reader went away, or writing failed).
   */
  void closed(boolean completed);
}
