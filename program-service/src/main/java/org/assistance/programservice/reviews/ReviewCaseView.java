package org.assistance.programservice.reviews;

import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
        List<InformationRequestView> informationRequests) {
    /** One case, with its requests for information and their answers. */
    static ReviewCaseView of(ReviewCase c, List<Programme> programmes) {
        return of(c, programmes, InformationRequestView.ofCases(List.of(c.requestId)));
    }

    /** {@code asked}: the requests for information of the cases shown ({@link InformationRequestView#ofCases}). */
    static ReviewCaseView of(ReviewCase c, List<Programme> programmes, Map<UUID, List<InformationRequestView>> asked) {
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
                asked.getOrDefault(c.requestId, List.of()));
    }

    /** Whole days, never negative (a clock ahead of ours), at most a century. */
    static long daysBetween(OffsetDateTime from, OffsetDateTime to) {
        return Math.min(36_500, Math.max(0, Duration.between(from, to).toDays()));
    }
}
