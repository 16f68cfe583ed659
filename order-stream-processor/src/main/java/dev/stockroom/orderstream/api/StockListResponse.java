package dev.stockroom.orderstream.api;

import java.util.List;

/**
 * The stock of the requested products that have a stock level, in request order; a product never
 * stocked is left out.
 */
public record StockListResponse(List<StockResponse> items) {
  public StockListResponse {
    items = List.copyOf(items);
  }
}
