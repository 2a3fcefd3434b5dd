package org.assistance.requestservice.priorities;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.assistance.requestservice.requests.AssistanceType;
import org.assistance.requestservice.requests.ThematicArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A State's national priority as the API shows it; a request names it by its id. */
@Schema(name = "NationalPriority")
public record PriorityView(
        UUID id,

        @Schema(minLength = 2, maxLength = 2, pattern = "^[A-Z]{2}$", description = "ISO 3166-1 alpha-2")
        String country,

        @Schema(minimum = "1", maximum = "100", description = "Its rank among the State's priorities, 1 first")
        int rank,

        @Schema(maxLength = NationalPriority.MAX_TITLE) String title,
        ThematicArea thematicArea,
        @Schema(maxItems = PriorityDraft.ASSISTANCE_TYPES) Set<AssistanceType> assistanceTypes,

        @Schema(maxLength = NationalPriority.MAX_STRATEGY_REFERENCE)
        String strategyReference,

        LocalDate periodFrom,
        LocalDate periodTo,

        @Schema(
                maxLength = NationalPriority.MAX_STATED_BY,
                description = "Who stated it: the focal point's (or admin's) token subject")
        String statedBy,

        OffsetDateTime statedAt) {

    static PriorityView of(NationalPriority p) {
        return new PriorityView(
                p.id,
                p.country,
                p.rank,
                p.title,
                p.thematicArea,
                p.assistanceTypes,
                p.strategyReference,
                p.periodFrom,
                p.periodTo,
                p.statedBy,
                p.statedAt);
    }
}
