package dev.stockroom.platform.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.stockroom.platform.errors.FieldError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9457 problem document sent as {@code application/problem+json}. Beside the standard
 * members it carries {@code requestId} (the request's {@code X-Request-Id}), {@code errorId} (only
 * on unexpected 500s: the id under which the stack trace was logged) and {@code errors}
 * (field-level errors for validation and wrong types). Absent members are omitted rather than sent
 * as null. {@code extensions} are further members of one problem type (RFC 9457 section 3.2), such
 * as the current stock level on a refused adjustment, written beside the standard ones.
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
    List<FieldError> errors,
    @JsonIgnore Map<String, Object> extensions) {

  public Problem {
    errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    extensions =
        extensions == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /** A problem with the standard members only. */
  public Problem(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      String requestId,
      String errorId,
      List<FieldError> errors) {
    this(type, title, status, detail, instance, requestId, errorId, errors, Map.of());
  }

  @JsonAnyGetter
  Map<String, Object> extensionMembers() {
    return extensions;
  }
}
