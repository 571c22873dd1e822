package io.fibonacci.presentation.http.problem;

import io.fibonacci.presentation.http.observability.RequestIdFilter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Formats the framework's own errors (unknown path, wrong method, unreadable request, and any
 * unexpected failure) as problem+json, so no client ever sees another error format or a stack
 * trace.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    return Problem.blank(
        response,
        detail(context, response.getStatus()),
        RequestIdFilter.idOf(context.getRequest()));
  }

  private static String detail(ErrorContext context, HttpStatus status) {
    if (status.getCode() >= 500) {
      return "the server could not answer this request; it has been logged with its request id";
    }
    if (status == HttpStatus.NOT_FOUND) {
      return "no resource at this path: the API is described at /swagger-ui/";
    }
    return context.getErrors().stream()
        .map(Error::getMessage)
        .filter(message -> message != null && !message.isBlank())
        .findFirst()
        .orElse(status.getReason());
  }
}
