package org.assistance.requestservice.requests;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The agency's confirmation that its delivered request is complete: a rating and a comment for donors. */
@Schema(name = "Completion")
public record Completion(
        @NotNull @Min(1) @Max(5) @Schema(example = "5", description = "How satisfied the agency is, 1 to 5")
        Integer satisfaction,

        @Size(max = RequestResource.MAX_COMMENT)
        @Schema(example = "Twelve examiners now process seized phones in-house.")
        String comment) {}
