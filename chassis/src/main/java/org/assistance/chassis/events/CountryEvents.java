package org.assistance.chassis.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** Published by request-service on {@value Topics#REQUESTS} about a State as a whole, keyed {@code country:<code>}. */
public final class CountryEvents {
    private CountryEvents() {}

    /**
     * {@code assistance.country.priority-stated.v1}: a State's national focal point (or an admin for
     * it) stated a national priority for technical assistance: a thematic area, the assistance
     * types it calls for, the national strategy or plan it comes from, the period it covers and its
     * rank among the State's priorities (1 first). Keyed by the country, so one State's priorities
     * stay in order.
     */
    public record PriorityStated(
            UUID priorityId,
            String country,
            int rank,
            String title,
            String thematicArea,
            Set<String> assistanceTypes,
            String strategyReference,
            LocalDate periodFrom,
            LocalDate periodTo,
            String statedBy,
            OffsetDateTime statedAt)
            implements AssistanceEvent {
        @Override
        public UUID requestId() {
            return null;
        }

        @Override
        public String aggregateId() {
            return "country:" + country;
        }
    }
}
