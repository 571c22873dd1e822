package io.fibonacci.presentation.http.jobs;

import io.fibonacci.application.port.in.jobs.CancelJobUseCase;
import io.fibonacci.application.port.in.jobs.GetJobResultUseCase;
import io.fibonacci.application.port.in.jobs.GetJobUseCase;
import io.fibonacci.application.port.in.jobs.JobSubmission;
import io.fibonacci.application.port.in.jobs.JobView;
import io.fibonacci.application.port.in.jobs.SubmitJobCommand;
import io.fibonacci.application.port.in.jobs.SubmitJobUseCase;
import io.fibonacci.presentation.http.client.ClientKeyResolver;
import io.fibonacci.presentation.http.client.RateLimitHeaders;
import io.fibonacci.presentation.http.problem.FibonacciExceptionHandler;
import io.fibonacci.presentation.http.problem.InvalidParameterException;
import io.fibonacci.presentation.http.problem.Problem;
import io.fibonacci.presentation.http.representation.ContentNegotiation;
import io.fibonacci.presentation.http.representation.FibonacciResponder;
import io.fibonacci.shared.FibonacciException;
import io.fibonacci.shared.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The job resources of API.md, "Jobs: heavy work, asynchronously". */
@Controller(JobsController.PATH)
@Tag(name = "jobs", description = "F(n) beyond the synchronous maximum, computed asynchronously")
public class JobsController {

  static final String PATH = "/api/v1/jobs";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String PREFER = "Prefer";
  static final String PREFERENCE_APPLIED = "Preference-Applied";

  /** What a client polling an unfinished job is told to wait, in seconds. */
  static final String RETRY_AFTER_SECONDS = "1";

  private final SubmitJobUseCase submit;
  private final GetJobUseCase jobs;
  private final CancelJobUseCase cancel;
  private final GetJobResultUseCase results;
  private final ClientKeyResolver clientKeys;
  private final FibonacciResponder responder;
  private final JsonMapper json;

  JobsController(
      SubmitJobUseCase submit,
      GetJobUseCase jobs,
      CancelJobUseCase cancel,
      GetJobResultUseCase results,
      ClientKeyResolver clientKeys,
      FibonacciResponder responder,
      JsonMapper json) {
    this.submit = submit;
    this.jobs = jobs;
    this.cancel = cancel;
    this.results = results;
    this.clientKeys = clientKeys;
    this.responder = responder;
    this.json = json;
  }

  @Post
  @Consumes(MediaType.ALL)
  @Operation(
      summary = "Submit a job for F(n)",
      description =
          "Body `{\"n\": 50000000}` (application/json, at most 1 KiB), n up to"
              + " fibonacci.jobs.max-n. 202 with Location for a new job; 200 with Location when"
              + " an Idempotency-Key (1-255 visible ASCII characters) names an earlier job with"
              + " the same body. 415 for another media type, 413 for a larger body, 429 past the"
              + " rate limit or with too many active jobs, 503 when the queue is full.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobRequest.class)))
  @ApiResponse(
      responseCode = "202",
      description = "Queued (or born succeeded for a known value); Location names the job",
      content = @Content(schema = @Schema(implementation = JobResponse.class)))
  @ApiResponse(
      responseCode = "200",
      description = "The job an Idempotency-Key already named; Location names it",
      content = @Content(schema = @Schema(implementation = JobResponse.class)))
  @ApiResponse(
      responseCode = "400",
      description = "n missing, not an integer, or out of range; a malformed Idempotency-Key",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "413",
      description = "The body is over 1 KiB",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "415",
      description = "The body is not application/json",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @ApiResponse(
      responseCode = "422",
      description = "The Idempotency-Key was used for another body",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @JobProblems
  public CompletionStage<MutableHttpResponse<?>> create(
      HttpRequest<?> request, @Body @Nullable byte[] body) {
    String client = clientKeys.resolve(request);
    SubmitJobCommand command;
    try {
      String n = JobRequestBody.positionOf(request.getContentType().orElse(null), body, json);
      command =
          new SubmitJobCommand(
              client, n, idempotencyKey(request.getHeaders().get(IDEMPOTENCY_KEY)), "n=" + n);
    } catch (FibonacciException refused) {
      return CompletableFuture.completedFuture(FibonacciExceptionHandler.respond(request, refused));
    }
    return submit
        .submit(command)
        .handle(
            (submission, failure) ->
                failure == null ? submitted(submission) : failed(request, failure));
  }

  @Get("/{id}")
  @Operation(
      summary = "A job",
      description =
          "The job; Retry-After while it is not finished. `Prefer: wait=N` (N <= 60) waits until"
              + " the job finishes or N seconds pass (Preference-Applied says so).")
  @ApiResponse(
      responseCode = "200",
      description = "The job",
      content = @Content(schema = @Schema(implementation = JobResponse.class)))
  @JobProblems
  public CompletionStage<MutableHttpResponse<?>> read(
      @Parameter(description = "The job's id") @PathVariable("id") String id,
      HttpRequest<?> request) {
    String client = clientKeys.resolve(request);
    Duration wait = PreferWait.of(request.getHeaders().getAll(PREFER));
    CompletionStage<JobView> job =
        wait.isZero() ? jobs.get(client, id) : jobs.await(client, id, wait);
    return job.handle(
        (view, failure) -> {
          if (failure != null) {
            return failed(request, failure);
          }
          MutableHttpResponse<?> response = withJob(HttpResponse.ok(), view);
          if (!wait.isZero()) {
            response.header(PREFERENCE_APPLIED, "wait=" + wait.toSeconds());
          }
          return response;
        });
  }

  @Get(
      uri = "/{id}/result",
      produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  @Operation(
      summary = "The value of a succeeded job",
      description =
          "F(n) exactly as GET /api/v1/fibonacci/{n} gives it (JSON or text/plain, content"
              + " codings, ETag, Range, HEAD). 409 before the job succeeded (Retry-After while"
              + " it may still), or after it failed or was cancelled.")
  @ApiResponse(
      responseCode = "200",
      description = "F(n), as the synchronous resource gives it",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "#/components/schemas/Fibonacci")),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string"))
      })
  @ApiResponse(
      responseCode = "409",
      description = "The job has no result (yet, or ever); Retry-After while it may still",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @JobProblems
  public CompletionStage<MutableHttpResponse<?>> result(
      @Parameter(description = "The job's id") @PathVariable("id") String id,
      HttpRequest<?> request) {
    String client = clientKeys.resolve(request);
    return responder.respond(
        request, ContentNegotiation.choose(request), coding -> results.result(client, id, coding));
  }

  @Delete("/{id}")
  @Operation(
      summary = "Cancel or remove a job",
      description =
          "A queued or running job is cancelled (200, the job; a running computation stops"
              + " within a second); a finished job is removed (204).")
  @ApiResponse(
      responseCode = "200",
      description = "Cancelled",
      content = @Content(schema = @Schema(implementation = JobResponse.class)))
  @ApiResponse(responseCode = "204", description = "Removed")
  @JobProblems
  public CompletionStage<MutableHttpResponse<?>> delete(
      @Parameter(description = "The job's id") @PathVariable("id") String id,
      HttpRequest<?> request) {
    return cancel
        .cancelOrRemove(clientKeys.resolve(request), id)
        .handle(
            (outcome, failure) -> {
              if (failure != null) {
                return failed(request, failure);
              }
              return outcome.removed()
                  ? HttpResponse.noContent()
                  : withJob(HttpResponse.ok(), outcome.job());
            });
  }

  static MutableHttpResponse<?> submitted(JobSubmission submission) {
    MutableHttpResponse<?> response =
        withJob(
            submission.created() ? HttpResponse.status(HttpStatus.ACCEPTED) : HttpResponse.ok(),
            submission.job());
    response.header(HttpHeaders.LOCATION, PATH + "/" + submission.job().id());
    response.header(RateLimitHeaders.REQUEST_COST, Long.toString(submission.cost()));
    RateLimitHeaders.apply(response, submission.rateLimit());
    return response;
  }

  private static MutableHttpResponse<?> withJob(MutableHttpResponse<?> response, JobView job) {
    if (!job.isFinished()) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return ((MutableHttpResponse<Object>) response)
        .body(JobResponse.of(job))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  private static @Nullable String idempotencyKey(@Nullable String key) {
    if (key == null) {
      return null;
    }
    boolean visibleAscii =
        !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    if (!visibleAscii) {
      throw new InvalidParameterException("Idempotency-Key is 1 to 255 visible ASCII characters");
    }
    return key;
  }

  static MutableHttpResponse<?> failed(HttpRequest<?> request, Throwable failure) {
    return FibonacciExceptionHandler.respond(
        request, FibonacciExceptionHandler.expectedOrRethrow(failure));
  }
}
