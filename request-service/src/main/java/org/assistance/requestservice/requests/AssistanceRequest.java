package org.assistance.requestservice.requests;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assistance.chassis.catalogue.CatalogueCopy;
import org.assistance.chassis.catalogue.ItemsUnavailable;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestEndorsed;
import org.assistance.chassis.events.RequestEvents.RequestEndorsementDeclined;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.RequestingAuthority;
import org.assistance.chassis.events.Values.TrainingNeed;
import org.assistance.chassis.events.Values.Translation;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A State's request for technical assistance, made through a partner agency from the State's
 * own needs and priorities. Owns its status as the requester sees it and the rules for moving it.
 */
@Entity
@Table(name = "assistance_requests")
public class AssistanceRequest extends PanacheEntityBase {
    /** The agency claim's longest form (its column). */
    static final int MAX_AGENCY = 100;

    @Id
    public UUID id;

    @Column(name = "agency_id")
    public String agencyId;

    public String country;

    @Column(name = "authority_name")
    public String authorityName;

    @Enumerated(EnumType.STRING)
    @Column(name = "authority_kind")
    public AuthorityKind authorityKind;

    @Enumerated(EnumType.STRING)
    @Column(name = "thematic_area")
    public ThematicArea thematicArea;

    // the JSON values are only ever replaced whole (fill), never changed in place: Hibernate need not
    // snapshot them through a JSON round trip at every persist, load and flush
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "assistance_types")
    public Set<AssistanceType> assistanceTypes;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public String title;

    @Column(name = "needs_statement")
    public String needsStatement;

    /** ISO 639-1 code of the language the title and needs statement are written in ("en" unless named). */
    public String language;

    /** The title and needs statement in other languages, each at most once; empty when none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Translation> translations;

    @Column(name = "desired_by")
    public LocalDate desiredBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "equipment_lines")
    public List<EquipmentLine> equipmentLines;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "training_needs")
    public List<TrainingNeed> trainingNeeds;

    @Column(name = "estimated_amount")
    public BigDecimal estimatedAmount;

    @Column(name = "estimated_currency")
    public String estimatedCurrency;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    /** The partner's rating at completion, 1 to 5; null when closed automatically. */
    public Integer satisfaction;

    @Column(name = "completion_comment")
    public String completionComment;

    /** The State's national priority the request answers (one of its own country's), or null. */
    @Column(name = "priority_id")
    public UUID priorityId;

    /** The State's word on the request through its focal point, the latest decision only; null before any. */
    @Enumerated(EnumType.STRING)
    @Column(name = "endorsement_decision")
    public EndorsementDecision endorsementDecision;

    @Column(name = "endorsement_reference")
    public String endorsementReference;

    @Column(name = "endorsement_comment")
    public String endorsementComment;

    @Column(name = "endorsed_by")
    public String endorsedBy;

    @Column(name = "endorsed_at")
    public OffsetDateTime endorsedAt;

    @Version
    public long version;

    /**
     * A new request in SUBMITTED, for the agency named by the caller's token. Its id is made by
     * the service ({@link TimeOrderedIds}: ordered by time, so the new row lands at the right edge
     * of the primary key's index).
     */
    static AssistanceRequest submit(
            UUID id, String agencyId, RequestDraft draft, OffsetDateTime now, CatalogueCopy catalogue) {
        draft.checkConsistency();
        requireAvailable(draft, catalogue);
        AssistanceRequest request = new AssistanceRequest();
        request.id = id;
        request.agencyId = agencyId;
        request.status = RequestStatus.SUBMITTED;
        request.submittedAt = now;
        request.fill(draft, now);
        return request;
    }

    private void fill(RequestDraft draft, OffsetDateTime now) {
        country = draft.country();
        authorityName = draft.requestingAuthority().name();
        authorityKind = draft.requestingAuthority().kind();
        thematicArea = draft.thematicArea();
        assistanceTypes = new TreeSet<>(draft.assistanceTypes());
        priority = draft.priority();
        title = draft.title().strip();
        needsStatement = draft.needsStatement().strip();
        language = draft.languageOrEnglish();
        translations = draft.translations() == null
                ? List.of()
                : draft.translations().stream()
                        .map(t -> new Translation(
                                t.language(),
                                t.title().strip(),
                                t.needsStatement() == null
                                        ? null
                                        : t.needsStatement().strip()))
                        .toList();
        desiredBy = draft.desiredBy();
        equipmentLines = draft.equipmentLines() == null
                ? List.of()
                : draft.equipmentLines().stream()
                        .map(l -> new EquipmentLine(
                                l.itemCode().strip(),
                                l.quantity(),
                                l.justification().strip()))
                        .toList();
        trainingNeeds = draft.trainingNeeds() == null
                ? List.of()
                : draft.trainingNeeds().stream()
                        .map(t -> new TrainingNeed(t.topic().strip(), t.expectedParticipants()))
                        .toList();
        estimatedAmount =
                draft.estimatedValue() == null ? null : draft.estimatedValue().amount();
        estimatedCurrency =
                draft.estimatedValue() == null ? null : draft.estimatedValue().currency();
        priorityId = draft.priorityId();
        updatedAt = now;
    }

    /**
     * The agency changed its request: allowed while it is SUBMITTED or waiting on requested
     * information; the latter puts it back under review.
     */
    RequestStatus amend(RequestDraft draft, OffsetDateTime now, CatalogueCopy catalogue) {
        if (status != RequestStatus.SUBMITTED && status != RequestStatus.INFORMATION_REQUESTED) {
            throw DomainRuleViolation.conflict(
                    Text.of("request.not-amendable", "id", id.toString(), "status", status.name()));
        }
        draft.checkConsistency();
        requireAvailable(draft, catalogue);
        fill(draft, now);
        if (status == RequestStatus.INFORMATION_REQUESTED) {
            status = RequestStatus.UNDER_REVIEW;
        }
        return status;
    }

    /**
     * The agency answered the programme's request for information in a message: back under
     * review, as an amendment puts it. Returns whether the request was waiting on that answer.
     */
    boolean answerInformationRequest(OffsetDateTime now) {
        return status == RequestStatus.INFORMATION_REQUESTED && moveTo(RequestStatus.UNDER_REVIEW, now);
    }

    /**
     * The State's focal point endorses the request or declines to, while it awaits a decision;
     * a later word replaces an earlier one. After the decision (or a withdrawal) it is too late: 409.
     */
    void endorse(Endorsement endorsement, String focalPoint, OffsetDateTime now) {
        if (!status.isUndecided()) {
            throw DomainRuleViolation.conflict(
                    Text.of("request.not-endorsable", "id", id.toString(), "status", status.name()));
        }
        endorsementDecision = endorsement.decision();
        endorsementReference = endorsement.reference().strip();
        endorsementComment =
                endorsement.comment() == null || endorsement.comment().isBlank()
                        ? null
                        : endorsement.comment().strip();
        endorsedBy = focalPoint.length() > StatusChange.MAX_ACTOR
                ? focalPoint.substring(0, StatusChange.MAX_ACTOR)
                : focalPoint;
        endorsedAt = now;
    }

    /** The event of the latest endorsement decision: endorsed, or endorsement declined. */
    AssistanceEvent endorsementEvent() {
        return switch (endorsementDecision) {
            case ENDORSED ->
                new RequestEndorsed(
                        id, agencyId, country, endorsementReference, endorsementComment, endorsedBy, endorsedAt);
            case DECLINED ->
                new RequestEndorsementDeclined(
                        id, agencyId, country, endorsementReference, endorsementComment, endorsedBy, endorsedAt);
        };
    }

    /**
     * Every equipment line must name an item the catalogue offers: an unknown or withdrawn item
     * could never be shipped, so it is refused now rather than after approval.
     */
    private static void requireAvailable(RequestDraft draft, CatalogueCopy catalogue) {
        if (draft.equipmentLines() == null) {
            return;
        }
        Map<String, String> itemCodeByField = new LinkedHashMap<>();
        for (int i = 0; i < draft.equipmentLines().size(); i++) {
            itemCodeByField.put(
                    "equipmentLines[" + i + "].itemCode",
                    draft.equipmentLines().get(i).itemCode().strip());
        }
        ItemsUnavailable.refuseAny(catalogue.unavailable(itemCodeByField));
    }

    /**
     * Follows what the deliverables imply (IN_DELIVERY, DELIVERED or CANCELLED) through each
     * status on the way, so the history shows IN_DELIVERY before DELIVERED even when the
     * approval arrived after the delivery. Returns the statuses it moved into, in order; none
     * when the request is not (or no longer) in delivery, e.g. withdrawn or already ended.
     */
    List<RequestStatus> followDelivery(RequestStatus implied, OffsetDateTime at) {
        List<RequestStatus> path = switch (implied) {
            case IN_DELIVERY -> List.of(RequestStatus.IN_DELIVERY);
            case DELIVERED -> List.of(RequestStatus.IN_DELIVERY, RequestStatus.DELIVERED);
            case CANCELLED -> List.of(RequestStatus.CANCELLED);
            default -> throw new IllegalArgumentException(implied + " is not a delivery status");
        };
        // never before the last change: the history stays in time order whichever topic spoke first
        OffsetDateTime when = updatedAt != null && at.isBefore(updatedAt) ? updatedAt : at;
        List<RequestStatus> moved = new ArrayList<>();
        for (RequestStatus target : path) {
            if (status == target) {
                continue;
            }
            if (!moveTo(target, when)) {
                break;
            }
            if (target == RequestStatus.DELIVERED) {
                deliveredAt = when;
            }
            moved.add(target);
        }
        return moved;
    }

    /** The partner confirms completion of a delivered request, with its rating and a comment for donors. */
    void complete(int rating, String comment, OffsetDateTime now) {
        if (status != RequestStatus.DELIVERED) {
            throw DomainRuleViolation.conflict(
                    Text.of("request.not-completable", "id", id.toString(), "status", status.name()));
        }
        if (rating < 1 || rating > 5) {
            throw InvalidInput.field("satisfaction", Text.of("request.satisfaction-range"));
        }
        moveOrRefuse(RequestStatus.CLOSED, now);
        satisfaction = rating;
        completionComment = comment == null || comment.isBlank() ? null : comment.strip();
        closedAt = now;
    }

    /** Closed without the partner's word, the configured time after delivery; false if no longer DELIVERED. */
    boolean closeAutomatically(OffsetDateTime now) {
        if (status != RequestStatus.DELIVERED || !moveTo(RequestStatus.CLOSED, now)) {
            return false;
        }
        closedAt = now;
        return true;
    }

    /** Withdrawn by the agency, only before a decision. */
    void withdraw(OffsetDateTime now) {
        if (!status.isUndecided()) {
            throw DomainRuleViolation.conflict(
                    Text.of("request.not-withdrawable", "id", id.toString(), "status", status.name()));
        }
        status = RequestStatus.WITHDRAWN;
        updatedAt = now;
    }

    /**
     * Moves to the target status if the lifecycle allows it; returns false (and changes
     * nothing) when it does not, e.g. a decision arriving for a request withdrawn meanwhile.
     */
    boolean moveTo(RequestStatus target, OffsetDateTime at) {
        if (!status.canMoveTo(target)) {
            return false;
        }
        status = target;
        updatedAt = at;
        return true;
    }

    /** A move the caller asked for: refused with 409 naming the current state. */
    void moveOrRefuse(RequestStatus target, OffsetDateTime at) {
        if (!moveTo(target, at)) {
            throw DomainRuleViolation.conflict(Text.of(
                    "request.cannot-become", "id", id.toString(), "status", status.name(), "target", target.name()));
        }
    }

    Money estimatedValue() {
        return estimatedAmount == null ? null : new Money(estimatedAmount, estimatedCurrency);
    }

    RequestAmended amendedEvent() {
        return new RequestAmended(
                id,
                agencyId,
                version,
                country,
                new RequestingAuthority(authorityName, authorityKind.name()),
                thematicArea.name(),
                assistanceTypes.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                priority.name(),
                title,
                needsStatement,
                desiredBy,
                equipmentLines,
                trainingNeeds,
                estimatedValue(),
                updatedAt,
                priorityId,
                language,
                translations);
    }

    RequestSubmitted submittedEvent() {
        return new RequestSubmitted(
                id,
                agencyId,
                country,
                new RequestingAuthority(authorityName, authorityKind.name()),
                thematicArea.name(),
                assistanceTypes.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)),
                priority.name(),
                title,
                needsStatement,
                desiredBy,
                equipmentLines,
                trainingNeeds,
                estimatedValue(),
                submittedAt,
                priorityId,
                language,
                translations);
    }
}
