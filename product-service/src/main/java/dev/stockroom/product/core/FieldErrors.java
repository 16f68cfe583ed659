package dev.stockroom.product.core;

import dev.stockroom.platform.errors.FieldError;
import dev.stockroom.platform.errors.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every invalid field of one request so the client hears about all of them at once rather
 * than one per attempt.
 */
final class FieldErrors {
  private final List<FieldError> errors = new ArrayList<>();

  /** Runs {@code parse}; on {@link InvalidValueException} records it under {@code field}. */
  <T> T check(String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidValueException e) {
      errors.add(new FieldError(field, e.getMessage()));
      return null;
    }
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(List.copyOf(errors));
    }
  }
}
