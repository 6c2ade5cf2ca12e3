package dev.avance.api.common;

import dev.avance.api.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Cursor pagination shared by every list: {@code cursor}, {@code page_size} (1 to 100) and {@code
 * sort_by} as {@code field:asc|desc}. Cursors are opaque to clients; they carry the sort key of the
 * last item returned.
 */
public record PageRequest(int pageSize, boolean ascending, Instant afterTime, String afterId) {
  public static final int MAX_PAGE_SIZE = 100;
  public static final int DEFAULT_PAGE_SIZE = 20;

  public static PageRequest parse(String cursor, Integer pageSize, String sortBy) {
    int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiException.invalidField(
          "page_size", "out_of_range", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    boolean ascending;
    String sort = sortBy == null ? "created_at:desc" : sortBy;
    switch (sort) {
      case "created_at:desc" -> ascending = false;
      case "created_at:asc" -> ascending = true;
      default ->
          throw ApiException.invalidField(
              "sort_by", "invalid_value", "must be one of: created_at:desc, created_at:asc");
    }
    if (cursor == null || cursor.isEmpty()) {
      return new PageRequest(size, ascending, null, null);
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = decoded.indexOf('|');
      boolean cursorAscending = decoded.startsWith("a");
      if (bar < 2 || cursorAscending != ascending) {
        throw new IllegalArgumentException("cursor from another ordering");
      }
      return new PageRequest(
          size, ascending, Instant.parse(decoded.substring(1, bar)), decoded.substring(bar + 1));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw ApiException.invalidField(
          "cursor", "invalid_value", "is not a cursor returned by this list with this sort_by");
    }
  }

  /** Fetch one more row than the page holds, to know whether a next page exists. */
  public int fetchSize() {
    return pageSize + 1;
  }

  public String cursorAfter(Instant time, String id) {
    String raw = (ascending ? "a" : "d") + time + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }
}
