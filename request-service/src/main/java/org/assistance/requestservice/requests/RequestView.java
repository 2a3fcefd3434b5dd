package org.assistance.requestservice.requests;

import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.RequestingAuthority;
import org.assistance.chassis.events.Values.TrainingNeed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A request as the API shows it. */
@Schema(name = "AssistanceRequest")
public record RequestView(UUID id, String agencyId, RequestStatus status, String country,
                          RequestingAuthority requestingAuthority, ThematicArea thematicArea,
                          Set<AssistanceType> assistanceTypes, Priority priority, String title, String needsStatement,
                          LocalDate desiredBy, List<EquipmentLine> equipmentLines, List<TrainingNeed> trainingNeeds,
                          Money estimatedValue, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
                          @Schema(description = "When every deliverable was delivered or cancelled, at least one delivered")
                          OffsetDateTime deliveredAt,
                          OffsetDateTime closedAt,
                          @Schema(description = "The agency's rating at completion, 1 to 5; none when closed automatically")
                          Integer satisfaction,
                          String completionComment, long version) {

    static RequestView of(AssistanceRequest r) {
        return new RequestView(r.id, r.agencyId, r.status, r.country,
                new RequestingAuthority(r.authorityName, r.authorityKind.name()), r.thematicArea, r.assistanceTypes,
                r.priority, r.title, r.needsStatement, r.desiredBy, r.equipmentLines, r.trainingNeeds,
                r.estimatedValue(), r.submittedAt, r.updatedAt, r.deliveredAt, r.closedAt, r.satisfaction,
                r.completionComment, r.version);
    }

    @Schema(name = "RequestPage", description = "One page of requests; follow `next` for the following page")
    public record Page(List<RequestView> items, String next) {
    }

    @Schema(name = "StatusChange")
    public record Change(RequestStatus from, RequestStatus to, OffsetDateTime at, String actor, String reason) {
        static Change of(StatusChange c) {
            return new Change(c.fromStatus, c.toStatus, c.changedAt, c.actor, c.reason);
        }
    }
}
