package dev.stockroom.client;

import java.util.List;

/**
 * One page of a cursor-paginated list. {@code nextCursor} is null on the last page; pass it back to
 * get the next one.
 */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = items == null ? List.of() : List.copyOf(items);
  }

  public boolean hasNext() {
    return nextCursor != null;
  }
}
