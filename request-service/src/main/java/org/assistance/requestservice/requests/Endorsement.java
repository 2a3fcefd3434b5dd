package org.assistance.requestservice.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The State's word on a request, as its national focal point sends it. */
@Schema(name = "Endorsement", description = "The State's endorsement of a request, or its refusal")
public record Endorsement(
        @NotNull @Schema(example = "ENDORSED") EndorsementDecision decision,

        @NotBlank
        @Size(max = MAX_REFERENCE)
        @Schema(example = "MFA/TA/2026/118", description = "The State's own letter or file number")
        String reference,

        @Size(max = MAX_COMMENT) @Schema(example = "Answers pillar 2 of the National Cybercrime Strategy.")
        String comment) {
    static final int MAX_REFERENCE = 100;
    static final int MAX_COMMENT = 2_000;
}
