package dev.stockroom.order.core;

import dev.stockroom.platform.errors.BadRequestException;
import dev.stockroom.platform.errors.FieldError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client's {@code Idempotency-Key} for one kind of request, with the fingerprint of the request
 * it came with. Keys are scoped per user and per operation, so two users (or an order placement and
 * a payment) never collide.
 *
 * @param scope the operation, e.g. {@code place-order} or {@code pay:<orderId>}
 * @param value the key as sent
 * @param requestHash SHA-256 (hex) of the request's canonical form
 */
public record IdempotencyKey(String scope, String value, String requestHash) {
  public static final String HEADER = "Idempotency-Key";
  private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");

  /**
   * The key from the header, or empty when none was sent.
   *
   * @throws BadRequestException when it is blank, too long or not printable ASCII
   */
  public static Optional<IdempotencyKey> from(String header, String scope, String canonical) {
    if (header == null) {
      return Optional.empty();
    }
    if (!VALID.matcher(header).matches()) {
      throw new BadRequestException(
          "Invalid Idempotency-Key.",
          List.of(new FieldError(HEADER, "must be 1 to 255 printable ASCII characters")));
    }
    return Optional.of(new IdempotencyKey(scope, header, sha256(canonical)));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
