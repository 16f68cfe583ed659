package dev.stockroom.platform.errors;

/**
 * One invalid input field: {@code field} is the JSON path as the client wrote it (for example
 * {@code email} or {@code lines[0].quantity}), {@code message} says what is wrong with it.
 */
public record FieldError(String field, String message) {}
