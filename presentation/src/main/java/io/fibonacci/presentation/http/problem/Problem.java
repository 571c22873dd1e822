package io.fibonacci.presentation.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fibonacci.shared.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
    @Schema(
            description = "URI identifying the problem type",
            example = "urn:fibonacci:problem:invalid-position")
        String type,
    @Schema(description = "Short summary of the problem type", example = "Invalid position")
        String title,
    @Schema(description = "HTTP status code", example = "400") int status,
    @Schema(
            description = "What was wrong and what is allowed",
            example =
                "n is not a plain decimal integer: n must be an integer between 0 and 10000000")
        String detail,
    @Schema(description = "The request id, as in the X-Request-Id header") @Nullable
        String requestId) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * {@code response} carrying a problem of no particular type ({@code about:blank}, titled by its
   * status), never cached.
   */
  public static MutableHttpResponse<Problem> blank(
      MutableHttpResponse<?> response, String detail, @Nullable String requestId) {
    HttpStatus status = response.getStatus();
    return response
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(MEDIA_TYPE)
        .body(new Problem("about:blank", status.getReason(), status.getCode(), detail, requestId));
  }
}
