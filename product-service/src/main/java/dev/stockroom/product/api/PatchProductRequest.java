package dev.stockroom.product.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.product.core.ProductChange;
import java.util.Optional;

/**
 * Body of {@code PATCH /api/v1/products/{id}} (JSON merge patch): absent fields stay as they are,
 * {@code "description": null} removes the description. A class rather than a record because a
 * record cannot tell an absent field from an explicit null.
 */
public final class PatchProductRequest {
  private String sku;
  private String name;
  private String description;
  private boolean descriptionPresent;
  private Long priceMinor;
  private String currency;
  private Boolean active;

  @JsonProperty
  public void setSku(String sku) {
    this.sku = sku;
  }

  @JsonProperty
  public void setName(String name) {
    this.name = name;
  }

  @JsonProperty
  public void setDescription(String description) {
    this.description = description;
    this.descriptionPresent = true;
  }

  @JsonProperty
  public void setPriceMinor(Long priceMinor) {
    this.priceMinor = priceMinor;
  }

  @JsonProperty
  public void setCurrency(String currency) {
    this.currency = currency;
  }

  @JsonProperty
  public void setActive(Boolean active) {
    this.active = active;
  }

  public ProductChange toChange() {
    return new ProductChange(
        sku,
        name,
        descriptionPresent ? Optional.ofNullable(description) : null,
        priceMinor,
        currency,
        active);
  }
}
