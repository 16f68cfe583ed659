package dev.stockroom.platform.errors;

import java.util.List;

/** 400: the request is malformed (an unparseable query parameter, a broken cursor). */
public class BadRequestException extends ProblemException {
  public BadRequestException(String detail) {
    super(400, ProblemTypes.BAD_REQUEST, "Bad request", detail);
  }

  public BadRequestException(String detail, List<FieldError> errors) {
    super(400, ProblemTypes.BAD_REQUEST, "Bad request", detail, errors);
  }
}
