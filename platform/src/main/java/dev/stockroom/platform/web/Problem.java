package dev.stockroom.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.stockroom.platform.errors.FieldError;
import java.util.List;

/**
 * The RFC 9457 problem document sent as {@code application/problem+json}. Beside the standard
 * members it carries {@code requestId} (the request's {@code X-Request-Id}), {@code errorId} (only
 * on unexpected 500s: the id under which the stack trace was logged) and {@code errors}
 * (field-level errors for validation and wrong types). Absent members are omitted rather than sent
 * as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "type",
  "title",
  "status",
  "detail",
  "instance",
  "requestId",
  "errorId",
  "errors"
})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    String errorId,
    List<FieldError> errors) {

  public Problem {
    errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
  }
}
