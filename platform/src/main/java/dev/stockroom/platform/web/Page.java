package dev.stockroom.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {"items": [...], "nextCursor": "..."}}, with {@code nextCursor} null
 * on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {
  public Page {
    items = List.copyOf(items);
  }

  /**
   * The page for rows fetched with {@link PageRequest#fetchSize()} (one more than the limit): if
   * the extra row came back there is a next page, starting after the last row shown.
   */
  public static <T> Page<T> fromLookahead(
      List<T> rows, PageRequest request, Function<? super T, Cursor> cursorOf) {
    if (rows.size() <= request.limit()) {
      return new Page<>(rows, null);
    }
    List<T> shown = rows.subList(0, request.limit());
    return new Page<>(shown, cursorOf.apply(shown.get(shown.size() - 1)).encode());
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
  }
}
