package io.fibonacci.presentation.http.jobs;

import io.fibonacci.application.port.in.jobs.SubmitJobCommand;
import io.fibonacci.application.port.in.jobs.SubmitJobUseCase;
import io.fibonacci.presentation.http.client.ClientKeyResolver;
import io.fibonacci.shared.Nullable;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/v1/fibonacci/{n}} with n above the synchronous maximum and {@code Prefer:
 * respond-async}: the request becomes a job, answered 202 with its Location, as a POST of {@code
 * {"n": n}} would be.
 */
@Singleton
public final class JobHandOver {

  private final SubmitJobUseCase submit;
  private final ClientKeyResolver clientKeys;
  private final long synchronousMaxN;

  JobHandOver(
      SubmitJobUseCase submit,
      ClientKeyResolver clientKeys,
      @Value("${fibonacci.max-n:10000000}") long synchronousMaxN) {
    this.submit = submit;
    this.clientKeys = clientKeys;
    this.synchronousMaxN = synchronousMaxN;
  }

  /** The job's answer when this request asks for one; empty when it is a synchronous request. */
  public Optional<CompletionStage<MutableHttpResponse<?>>> handOver(
      HttpRequest<?> request, String n) {
    // The preference first: it is absent from almost every request, which then costs nothing more.
    if (!PreferWait.respondAsync(request.getHeaders().getAll(JobsController.PREFER))) {
      return Optional.empty();
    }
    String canonical = digitsBeyondTheSynchronousMaximum(n);
    if (canonical == null) {
      return Optional.empty();
    }
    var command =
        new SubmitJobCommand(clientKeys.resolve(request), canonical, null, "n=" + canonical);
    return Optional.of(
        submit
            .submit(command)
            .handle(
                (submission, failure) ->
                    failure == null
                        ? JobsController.submitted(submission)
                        : JobsController.failed(request, failure)));
  }

  /**
   * n without leading zeros when it is plain decimal digits above the synchronous maximum (the use
   * case checks the rest); null otherwise.
   */
  private @Nullable String digitsBeyondTheSynchronousMaximum(String n) {
    if (n.isEmpty() || n.length() > 64 || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    int first = 0;
    while (first < n.length() - 1 && n.charAt(first) == '0') {
      first++;
    }
    String digits = n.substring(first);
    return digits.length() > 18 || Long.parseLong(digits) > synchronousMaxN ? digits : null;
  }
}
