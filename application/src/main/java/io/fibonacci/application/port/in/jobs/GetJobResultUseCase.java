package io.fibonacci.application.port.in.jobs;

import io.fibonacci.application.port.in.FibonacciResult;
import io.fibonacci.shared.ContentCoding;
import java.util.concurrent.CompletionStage;

/** The value a succeeded job computed, as the synchronous API would give it. */
public interface GetJobResultUseCase {

  CompletionStage<FibonacciResult> result(String client, String jobId, ContentCoding coding);
}
