package org.assistance.programservice.reviews;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A State's review policy; for a State whose policy was never set, the default (not waiting). */
@Schema(name = "ReviewPolicy")
public record ReviewPolicyView(
        @Schema(minLength = 2, maxLength = 2, pattern = "^[A-Z]{2}$", example = "KE")
        String country,

        @Schema(
                description = "Whether approving the State's requests waits for the State's endorsement (false for a "
                        + "State whose policy was never set)")
        boolean reviewWaitsForEndorsement,

        @Schema(maxLength = 200, description = "The admin who set it, as the token names them; absent if never set")
        String setBy,

        @Schema(description = "When it was set; absent if never set")
        OffsetDateTime setAt) {

    static ReviewPolicyView of(ReviewPolicy policy) {
        return new ReviewPolicyView(policy.country, policy.reviewWaitsForEndorsement, policy.setBy, policy.setAt);
    }
}
