package dev.stockroom.order.api;

import dev.stockroom.order.core.RequestedLine;
import java.util.List;

/**
 * Body of {@code POST /api/v1/orders}: 1 to 50 lines, each product once. The rules are checked in
 * {@code core} so every field error is reported at once; unknown fields are rejected.
 */
public record CreateOrderRequest(List<OrderLineRequest> lines) {
  /** The lines as the domain takes them; a null entry stays null so it is reported. */
  public List<RequestedLine> toLines() {
    return lines == null
        ? null
        : lines.stream()
            .map(l -> l == null ? null : new RequestedLine(l.productId(), l.quantity()))
            .collect(java.util.stream.Collectors.toList());
  }
}
