package dev.stockroom.loadgen;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.UUID;

/**
 * The end-of-run stock check, per product: {@code stocked} is the on-hand level set at setup,
 * {@code confirmedQuantity} the quantity this run's orders still hold (PAID, or CONFIRMED if one
 * never finished), {@code reservedInView} the stream processor's {@code reserved} (null when it
 * could not be read). A product passes when it held no more than was stocked and the view agrees
 * with what the orders hold.
 */
@JsonPropertyOrder({"ok", "products"})
public record OversellReport(boolean ok, List<ProductCheck> products) {
  public OversellReport {
    products = List.copyOf(products);
  }

  /** For the browse scenario, which places no orders and so cannot oversell. */
  public static OversellReport notApplicable() {
    return new OversellReport(true, List.of());
  }

  /** One product's line of the check. */
  @JsonPropertyOrder({"productId", "stocked", "confirmedQuantity", "reservedInView"})
  public record ProductCheck(
      UUID productId, long stocked, long confirmedQuantity, Long reservedInView) {
    public boolean ok() {
      return confirmedQuantity <= stocked
          && reservedInView != null
          && reservedInView == confirmedQuantity;
    }
  }
}
