package org.assistance.programservice.reviews;

import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assistance.chassis.events.Values.Money;
import org.assistance.programservice.programmes.Programme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A review case as reviewers read it: what the agency asked for, where the review stands, and
 * which programmes could fund it.
 */
@Schema(name = "ReviewCase")
public record ReviewCaseView(
        UUID requestId,
        @Schema(maxLength = 100) String agencyId,
        @Schema(minLength = 2, maxLength = 2) String country,
        @Schema(maxLength = 40) String thematicArea,

        @Schema(
                enumeration = {"URGENT", "HIGH", "MEDIUM", "LOW"},
                maxLength = 10)
        String priority,

        @Schema(maxLength = 200) String title,
        @Schema(maxItems = 6) Set<@Size(max = 40) String> assistanceTypes,
        LocalDate desiredBy,
        @Schema(maxItems = 100) List<AskedLine> equipmentLines,
        @Schema(maxItems = 50) List<AskedTraining> trainingNeeds,
        Money estimatedValue,
        ReviewStatus status,
        OffsetDateTime submittedAt,
        @Schema(minimum = "0", maximum = "36500") long daysWaiting,
        @Schema(maxItems = Programme.MAX_PROGRAMMES) List<MatchingProgramme> matchingProgrammes,
        Approval pendingApproval,

        @Schema(
                maxItems = 2,
                description = "The reviewers as their tokens name them " + "(two above the four-eyes threshold)")
        List<@Size(max = 100) String> decidedBy,

        @Schema(
                maxItems = InformationRequest.MAX_SHOWN,
                description = "What reviewers asked the agency (the latest " + InformationRequest.MAX_SHOWN
                        + "), oldest first, each with the agency's answers beside its questions")
        List<InformationRequestView> informationRequests,

        @Schema(
                description = "The State's national priority the request answers (its id in request-service), "
                        + "if it names one")
        UUID priorityId,

        @Schema(
                description = "The State's latest word on the request (its national focal point endorsed it or "
                        + "declined to); absent while the State has said nothing",
                nullable = true)
        EndorsementView endorsement,

        @Schema(
                description = "True while the case is open (pending, information requested or awaiting a second "
                        + "approval), its State's review policy waits for the State's endorsement, and the State has "
                        + "not endorsed it: it cannot be approved yet")
        boolean waitingForEndorsement) {

    /** The State's endorsement of the request, as its national focal point gave it. */
    @Schema(name = "Endorsement")
    public record EndorsementView(
            EndorsementDecision decision,

            @Schema(maxLength = 100, description = "The State's own file or letter number")
            String reference,

            @Schema(maxLength = 2_000) String comment,

            @Schema(maxLength = 200, description = "The focal point, as its token names it")
            String focalPoint,

            OffsetDateTime at) {
        static EndorsementView of(Endorsement e) {
            return e == null
                    ? null
                    : new EndorsementView(e.decision, e.reference, e.comment, e.focalPoint, e.decidedAt);
        }
    }

    /**
     * What the views of some cases show beside each case, read for all of them at once (a few reads
     * per page, not a few per case): their requests for information with the answers, the State's
     * endorsements and the States' review policies.
     */
    record Beside(
            Map<UUID, List<InformationRequestView>> asked,
            Map<UUID, Endorsement> endorsements,
            Map<String, ReviewPolicy> policies) {
        static Beside of(List<ReviewCase> cases) {
            List<UUID> ids = cases.stream().map(c -> c.requestId).toList();
            Map<UUID, Endorsement> endorsements = new HashMap<>();
            Endorsement.ofRequests(ids).forEach(e -> endorsements.put(e.requestId, e));
            Map<String, ReviewPolicy> policies =
                    ReviewPolicy.ofCountries(cases.stream().map(c -> c.country).collect(Collectors.toSet()));
            return new Beside(InformationRequestView.ofCases(ids), endorsements, policies);
        }
    }

    /** One case, with its requests for information and their answers, and the State's word on it. */
    static ReviewCaseView of(ReviewCase c, List<Programme> programmes) {
        return of(c, programmes, Beside.of(List.of(c)));
    }

    /** {@code beside}: what the views of the cases shown show beside each ({@link Beside#of}). */
    static ReviewCaseView of(ReviewCase c, List<Programme> programmes, Beside beside) {
        Endorsement endorsement = beside.endorsements().get(c.requestId);
        ReviewPolicy policy = beside.policies().get(c.country);
        return new ReviewCaseView(
                c.requestId,
                c.agencyId,
                c.country,
                c.thematicArea,
                c.priority,
                c.title,
                c.assistanceTypes,
                c.desiredBy,
                c.equipmentLines.stream().map(AskedLine::of).toList(),
                c.trainingNeeds.stream().map(AskedTraining::of).toList(),
                c.estimatedAmount == null ? null : new Money(c.estimatedAmount, c.estimatedCurrency),
                c.status,
                c.submittedAt,
                daysBetween(c.submittedAt, OffsetDateTime.now()),
                programmes.stream()
                        .filter(p -> p.serves(c.thematicArea))
                        .map(p -> new MatchingProgramme(p.code, p.name, p.money(p.available())))
                        .toList(),
                c.pendingApproval,
                c.decidedBy,
                beside.asked().getOrDefault(c.requestId, List.of()),
                c.priorityId,
                EndorsementView.of(endorsement),
                c.waitsForEndorsement(policy, endorsement));
    }

    /** Whole days, never negative (a clock ahead of ours), at most a century. */
    static long daysBetween(OffsetDateTime from, OffsetDateTime to) {
        return Math.min(36_500, Math.max(0, Duration.between(from, to).toDays()));
    }
}
