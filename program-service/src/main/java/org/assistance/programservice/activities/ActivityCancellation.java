package org.assistance.programservice.activities;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a planned activity will not take place. */
@Schema(name = "ActivityCancellation")
public record ActivityCancellation(
        @NotBlank @Size(max = 2_000) @Schema(example = "The ministry postponed the reform indefinitely")
        String reason) {}
