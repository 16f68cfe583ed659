package dev.stockroom.order.core;

import dev.stockroom.platform.errors.NotFoundException;
import java.util.UUID;

/**
 * No order with this id that the caller may see. Someone else's order answers the same way, so ids
 * cannot be probed.
 */
public class OrderNotFoundException extends NotFoundException {
  public OrderNotFoundException(UUID id) {
    super("No order " + id + ".");
  }
}
