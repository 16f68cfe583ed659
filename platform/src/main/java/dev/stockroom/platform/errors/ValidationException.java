package dev.stockroom.platform.errors;

import java.util.List;

/** 422: the request is well-formed but some fields are invalid. */
public class ValidationException extends ProblemException {
  public ValidationException(List<FieldError> errors) {
    super(422, ProblemTypes.VALIDATION, "Validation failed", detailFor(errors), errors);
  }

  public ValidationException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  private static String detailFor(List<FieldError> errors) {
    return errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.";
  }
}
