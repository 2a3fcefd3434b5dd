package org.assistance.chassis.ratelimit;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One caller's own limit, set by an admin in place of its role's; also the view its audit entries keep. */
@Schema(
        name = "RateLimitOverride",
        description = "A caller's own rate limit in place of its role's (policy `override` in RateLimit-Policy)")
public record RateLimitOverride(
        @Schema(
                description = "Whose bucket: `agency:<id>`, `donor:<id>` or `subject:<token subject>` (staff)",
                maxLength = RateLimitOverrides.LONGEST_CALLER,
                pattern = RateLimitOverrides.CALLER)
        String caller,

        @Schema(description = "Calls at once after a quiet spell", minimum = "1", maximum = "1000000")
        long capacity,

        @Schema(description = "Calls added back each second, up to the capacity", minimum = "1", maximum = "1000000")
        long perSecond,

        @Schema(description = "Why this caller's limit differs", maxLength = RateLimitOverrides.LONGEST_REASON)
        String reason,

        @Schema(description = "Who set it (token subject)", maxLength = 200)
        String setBy,

        @Schema(description = "When it was set") OffsetDateTime setAt,

        @Schema(
                description =
                        "From when it no longer applies (listed until replaced or removed); absent: until removed")
        OffsetDateTime expiresAt) {

    /** True while it applies at {@code now}. */
    boolean appliesAt(OffsetDateTime now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    RatePolicy policy() {
        return new RatePolicy(RateLimitOverrides.POLICY, capacity, perSecond);
    }
}
