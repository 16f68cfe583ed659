package dev.stockroom.order.core;

import dev.stockroom.platform.errors.FieldError;
import dev.stockroom.platform.errors.ProblemException;
import dev.stockroom.platform.errors.ProblemTypes;
import dev.stockroom.platform.errors.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a valid order is, and how it is priced from the product replica. */
public final class OrderRules {
  public static final int MAX_LINES = 50;
  public static final int MAX_QUANTITY = 1000;

  private OrderRules() {}

  /** A checked order request: at least one line, each product once, sane quantities. */
  public record CheckedLines(List<RequestedLine> lines) {
    /** The canonical text of the request, for the idempotency fingerprint. */
    public String canonical() {
      return lines.stream()
          .map(l -> l.productId() + "x" + l.quantity())
          .collect(Collectors.joining(",", "order:", ""));
    }

    public Set<UUID> productIds() {
      return lines.stream().map(RequestedLine::productId).collect(Collectors.toSet());
    }
  }

  /** An order priced from the replica. */
  public record Priced(List<OrderItem> items, long totalMinor, String currency) {}

  /**
   * Checks the shape of the request, reporting every field error at once.
   *
   * @throws ValidationException (422) naming each invalid field
   */
  public static CheckedLines check(List<RequestedLine> lines) {
    if (lines == null || lines.isEmpty()) {
      throw new ValidationException("lines", "must contain 1 to " + MAX_LINES + " lines");
    }
    if (lines.size() > MAX_LINES) {
      throw new ValidationException("lines", "must contain 1 to " + MAX_LINES + " lines");
    }
    List<FieldError> errors = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      RequestedLine line = lines.get(i);
      String at = "lines[" + i + "]";
      if (line == null) {
        errors.add(new FieldError(at, "is required"));
        continue;
      }
      if (line.productId() == null) {
        errors.add(new FieldError(at + ".productId", "is required"));
      } else if (!seen.add(line.productId())) {
        errors.add(new FieldError(at + ".productId", "appears more than once"));
      }
      if (line.quantity() == null) {
        errors.add(new FieldError(at + ".quantity", "is required"));
      } else if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
        errors.add(new FieldError(at + ".quantity", "must be between 1 and " + MAX_QUANTITY));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new CheckedLines(List.copyOf(lines));
  }

  /**
   * Prices the lines with the replica's current prices.
   *
   * @throws ProblemException (422) naming every unknown or discontinued product, or when the
   *     products are priced in more than one currency
   */
  public static Priced price(CheckedLines checked, Map<UUID, Product> products) {
    List<FieldError> errors = new ArrayList<>();
    Set<UUID> unavailable = new TreeSet<>();
    for (int i = 0; i < checked.lines().size(); i++) {
      UUID id = checked.lines().get(i).productId();
      Product product = products.get(id);
      if (product == null || !product.isSellable()) {
        unavailable.add(id);
        errors.add(
            new FieldError(
                "lines[" + i + "].productId",
                (product == null ? "unknown product " : "discontinued product ") + id));
      }
    }
    if (!unavailable.isEmpty()) {
      throw new ProblemException(
          422,
          ProblemTypes.VALIDATION,
          "Unknown or discontinued products",
          "These products cannot be ordered: "
              + unavailable.stream().map(UUID::toString).collect(Collectors.joining(", "))
              + ".",
          errors);
    }
    Set<String> currencies =
        checked.lines().stream()
            .map(l -> products.get(l.productId()).currency())
            .collect(Collectors.toCollection(TreeSet::new));
    if (currencies.size() > 1) {
      throw new ValidationException(
          "lines", "products are priced in more than one currency: " + currencies);
    }
    List<OrderItem> items = new ArrayList<>();
    long total = 0;
    try {
      for (RequestedLine line : checked.lines()) {
        long price = products.get(line.productId()).priceMinor();
        items.add(new OrderItem(line.productId(), line.quantity(), price, null));
        total = Math.addExact(total, Math.multiplyExact(price, (long) line.quantity()));
      }
    } catch (ArithmeticException e) {
      throw new ValidationException("lines", "the order total is too large");
    }
    return new Priced(items, total, currencies.iterator().next());
  }
}
