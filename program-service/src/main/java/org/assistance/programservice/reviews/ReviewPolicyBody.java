package org.assistance.programservice.reviews;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A State's review policy as an admin sets it. */
@Schema(name = "ReviewPolicyChange")
public record ReviewPolicyBody(
        @NotNull
        @Schema(
                required = true,
                example = "true",
                description = "Whether approving the State's requests waits for the State's endorsement")
        Boolean reviewWaitsForEndorsement) {}
