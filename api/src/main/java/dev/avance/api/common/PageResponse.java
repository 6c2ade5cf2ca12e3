package dev.avance.api.common;

import java.util.List;

/** The one list shape: a page of items and the cursor of the next page (null on the last). */
public record PageResponse<T>(List<T> data, String nextPage) {}
