package org.undersigned.letter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many published endorsements a letter has, computed from the stored endorsements. */
@Schema(name = "Counts", description = "Published endorsements, computed from the stored data.")
public record Counts(
    @Schema(required = true, description = "Every published endorsement.", examples = "301")
        long total,
    @Schema(required = true, description = "Those published with their name.", examples = "262")
        long named,
    @Schema(required = true, description = "Those that chose anonymity.", examples = "39")
        long anonymous) {}
