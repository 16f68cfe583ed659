package dev.stockroom.product.core;

import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules for every catalog and stock value a client sends. Each parser returns the canonical
 * form or throws {@link InvalidValueException} with a message fit for the client.
 */
public final class CatalogRules {
  public static final int MAX_SKU_LENGTH = 64;
  public static final int MAX_NAME_LENGTH = 200;
  public static final int MAX_DESCRIPTION_LENGTH = 2000;
  public static final int MAX_REASON_LENGTH = 200;

  /** The highest price accepted, in minor units (ten billion of a two-decimal currency). */
  public static final long MAX_PRICE_MINOR = 1_000_000_000_000L;

  /**
   * The highest on-hand quantity, and the largest adjustment. Far from {@code bigint} overflow, so
   * {@code on_hand + delta} can never overflow in SQL.
   */
  public static final long MAX_QUANTITY = 1_000_000_000L;

  private static final Pattern SKU =
      Pattern.compile("[A-Z0-9][A-Z0-9._-]{0," + (MAX_SKU_LENGTH - 1) + "}");

  private static final Set<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());

  private CatalogRules() {}

  /**
   * SKUs are case-insensitive and stored upper-case: letters, digits, {@code .}, {@code _} and
   * {@code -}, starting with a letter or digit, at most {@value #MAX_SKU_LENGTH} characters.
   */
  public static String sku(String value) {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    String sku = value.strip().toUpperCase(Locale.ROOT);
    if (!SKU.matcher(sku).matches()) {
      throw new InvalidValueException(
          "must be 1 to "
              + MAX_SKU_LENGTH
              + " letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return sku;
  }

  /** The SKU form used for lookups, or empty when {@code value} cannot be any stored SKU. */
  public static java.util.Optional<String> skuForLookup(String value) {
    try {
      return java.util.Optional.of(sku(value));
    } catch (InvalidValueException e) {
      return java.util.Optional.empty();
    }
  }

  /** A trimmed, non-blank name of at most {@value #MAX_NAME_LENGTH} characters, one line. */
  public static String name(String value) {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    String name = value.strip();
    if (name.isEmpty()) {
      throw new InvalidValueException("must not be blank");
    }
    checkLength(name, MAX_NAME_LENGTH);
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException("must not contain control characters");
    }
    return name;
  }

  /**
   * An optional description of at most {@value #MAX_DESCRIPTION_LENGTH} characters; line breaks and
   * tabs are kept, other control characters refused. Blank means none.
   */
  public static String description(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String description = value.strip();
    checkLength(description, MAX_DESCRIPTION_LENGTH);
    if (description
        .codePoints()
        .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      throw new InvalidValueException("must not contain control characters other than line breaks");
    }
    return description;
  }

  /** A price in integer minor units, 0 to {@value #MAX_PRICE_MINOR}. */
  public static long priceMinor(Long value) {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    if (value < 0 || value > MAX_PRICE_MINOR) {
      throw new InvalidValueException("must be between 0 and " + MAX_PRICE_MINOR);
    }
    return value;
  }

  /** An ISO 4217 currency code that the JDK knows, in upper case. */
  public static String currency(String value) {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    String code = value.strip().toUpperCase(Locale.ROOT);
    if (!CURRENCIES.contains(code)) {
      throw new InvalidValueException("must be an ISO 4217 currency code such as EUR");
    }
    return code;
  }

  /** An on-hand quantity, 0 to {@value #MAX_QUANTITY}. */
  public static long onHand(Long value) {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    if (value < 0 || value > MAX_QUANTITY) {
      throw new InvalidValueException("must be between 0 and " + MAX_QUANTITY);
    }
    return value;
  }

  /** A non-zero stock adjustment of at most {@value #MAX_QUANTITY} either way. */
  public static long delta(Long value) {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    if (value == 0 || value < -MAX_QUANTITY || value > MAX_QUANTITY) {
      throw new InvalidValueException(
          "must be a non-zero number between -" + MAX_QUANTITY + " and " + MAX_QUANTITY);
    }
    return value;
  }

  /** Why stock changed: a trimmed, non-blank line of at most {@value #MAX_REASON_LENGTH}. */
  public static String reason(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("is required");
    }
    String reason = value.strip();
    checkLength(reason, MAX_REASON_LENGTH);
    if (reason.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidValueException("must not contain control characters");
    }
    return reason;
  }

  private static void checkLength(String value, int max) {
    if (value.codePointCount(0, value.length()) > max) {
      throw new InvalidValueException("must be at most " + max + " characters");
    }
  }
}
