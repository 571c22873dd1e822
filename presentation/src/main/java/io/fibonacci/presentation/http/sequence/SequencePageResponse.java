package io.fibonacci.presentation.http.sequence;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The documented shape of a page (the bytes are written by {@link SequenceRows}). */
@Serdeable
@Schema(name = "SequencePage", description = "Consecutive values of the sequence")
record SequencePageResponse(
    @Schema(description = "The first position", example = "0") int start,
    @Schema(description = "How many values were asked for", example = "100") int limit,
    @Schema(
            description = "asc or desc",
            allowableValues = {"asc", "desc"})
        String order,
    @Schema(description = "How many positions there are: max-n + 1", example = "10000001")
        long total,
    @Schema(description = "The values, in order; fewer than limit at the end or past the byte cap")
        List<Item> items) {

  @Serdeable
  @Schema(name = "SequenceItem")
  record Item(
      @Schema(description = "The position", example = "10") int n,
      @Schema(description = "F(n), decimal digits", example = "55") String value) {}
}
