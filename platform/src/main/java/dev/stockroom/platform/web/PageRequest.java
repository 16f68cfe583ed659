package dev.stockroom.platform.web;

import dev.stockroom.platform.errors.BadRequestException;
import dev.stockroom.platform.errors.FieldError;
import java.util.List;
import java.util.Optional;

/**
 * The validated {@code ?limit=} and {@code ?cursor=} of a list request. A resource takes both as
 * query parameters and calls {@link #of(Integer, String)}; a bad value is a 400 problem.
 */
public final class PageRequest {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  private final int limit;
  private final Cursor cursor;

  private PageRequest(int limit, Cursor cursor) {
    this.limit = limit;
    this.cursor = cursor;
  }

  /**
   * @param limit page size, 1 to {@value #MAX_LIMIT}; {@code null} means {@value #DEFAULT_LIMIT}
   * @param cursor a previous page's {@code nextCursor}; {@code null} or empty means the first page
   */
  public static PageRequest of(Integer limit, String cursor) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new BadRequestException(
          "limit must be between 1 and " + MAX_LIMIT + ".",
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    return new PageRequest(size, cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
  }

  public int limit() {
    return limit;
  }

  /** Rows to fetch: one more than the limit, to learn whether another page follows. */
  public int fetchSize() {
    return limit + 1;
  }

  public Optional<Cursor> cursor() {
    return Optional.ofNullable(cursor);
  }
}
