package dev.avance.api.common;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The one list shape: a page of items and the cursor of the next page (null on the last). */
public record PageResponse<T>(
    @Schema(description = "The items of this page.") List<T> data,
    @Schema(description = "The `cursor` of the next page; null on the last.") String nextPage) {}
