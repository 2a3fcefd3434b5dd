package org.assistance.programservice.reviews;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.TrainingNeed;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;
import org.hibernate.Session;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A submitted request as program-service reviews it: a copy of what the agency asked for
 * (from its events, never from its API) and where the review stands.
 */
@Entity
@Table(name = "review_cases")
public class ReviewCase extends PanacheEntityBase {
    /** URGENT first: the queue's order. */
    private static final List<String> PRIORITIES = List.of("URGENT", "HIGH", "MEDIUM", "LOW");
    /** The JSON columns' form, as the entity mapping reads them back. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "agency_id")
    public String agencyId;

    public String country;

    @Column(name = "thematic_area")
    public String thematicArea;

    public String priority;

    @Column(name = "priority_rank")
    public int priorityRank;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "assistance_types")
    public Set<String> assistanceTypes;

    @Column(name = "desired_by")
    public LocalDate desiredBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "equipment_lines")
    public List<EquipmentLine> equipmentLines;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "training_needs")
    public List<TrainingNeed> trainingNeeds;

    @Column(name = "estimated_amount")
    public BigDecimal estimatedAmount;

    @Column(name = "estimated_currency")
    public String estimatedCurrency;

    @Enumerated(EnumType.STRING)
    public ReviewStatus status;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "programme_code")
    public String programmeCode;

    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pending_approval")
    public Approval pendingApproval;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "decided_by")
    public List<String> decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    /** The State's national priority the request answers (request-service's id), or null. */
    @Column(name = "priority_id")
    public UUID priorityId;

    @Version
    public long version;

    boolean isDecided() {
        return status == ReviewStatus.APPROVED || status == ReviewStatus.REJECTED;
    }

    /** Still to be decided: waiting for a reviewer, for the agency's answers or for a second reviewer. */
    boolean isOpen() {
        return status == ReviewStatus.PENDING
                || status == ReviewStatus.INFORMATION_REQUESTED
                || status == ReviewStatus.AWAITING_SECOND_APPROVAL;
    }

    /**
     * The State's word on approving this request. Whatever the policy, a request the State declined
     * to endorse is not approved; where the State's policy waits for its endorsement, a request is
     * approved only once endorsed. Rejecting it, or asking the agency for information, is always
     * possible. {@code endorsement}: the State's latest decision on the request, or null.
     */
    void requireStateAllowsApproval(ReviewPolicy policy, Endorsement endorsement) {
        if (endorsement != null && endorsement.isDeclined()) {
            throw new DomainRuleViolation(
                    409,
                    "endorsement-declined",
                    Text.of(
                            "review.endorsement-declined",
                            "request",
                            requestId.toString(),
                            "when",
                            endorsement.when()));
        }
        if (waitsForEndorsement(policy, endorsement)) {
            throw new DomainRuleViolation(
                    409,
                    "endorsement-awaited",
                    Text.of("review.endorsement-awaited", "request", requestId.toString(), "country", country));
        }
    }

    /** Whether an approval waits for the State: its policy waits, the case is open and not endorsed. */
    boolean waitsForEndorsement(ReviewPolicy policy, Endorsement endorsement) {
        return isOpen() && policy.reviewWaitsForEndorsement && (endorsement == null || !endorsement.isEndorsed());
    }

    /** A decision is possible only on an open case: not withdrawn, not already decided. */
    void requireOpen() {
        if (status == ReviewStatus.WITHDRAWN) {
            throw DomainRuleViolation.conflict(Text.of("review.withdrawn", "request", requestId.toString()));
        }
        if (isDecided()) {
            throw DomainRuleViolation.conflict(
                    Text.of("review.already-decided", "request", requestId.toString(), "status", status.name()));
        }
    }

    /** Whether the approval gives less than was asked: fewer equipment lines or quantities, or fewer trainings. */
    boolean isPartial(Approval approval) {
        int askedUnits =
                equipmentLines.stream().mapToInt(EquipmentLine::quantity).sum();
        int approvedUnits = approval.equipmentLines().stream()
                .mapToInt(EquipmentLine::quantity)
                .sum();
        return approvedUnits < askedUnits || approval.trainingCourses() < trainingNeeds.size();
    }

    void awaitSecondApproval(Approval approval, OffsetDateTime at) {
        status = ReviewStatus.AWAITING_SECOND_APPROVAL;
        pendingApproval = approval;
        updatedAt = at;
    }

    void approved(Approval approval, List<String> approvers, OffsetDateTime at) {
        status = ReviewStatus.APPROVED;
        programmeCode = approval.programmeCode();
        approvedAmount = approval.amount().amount();
        pendingApproval = null;
        decidedBy = approvers;
        decidedAt = at;
        updatedAt = at;
    }

    void rejected(String reviewer, String note, OffsetDateTime at) {
        status = ReviewStatus.REJECTED;
        pendingApproval = null;
        decidedBy = List.of(reviewer);
        decidedAt = at;
        decisionNote = note;
        updatedAt = at;
    }

    void informationRequested(OffsetDateTime at) {
        status = ReviewStatus.INFORMATION_REQUESTED;
        pendingApproval = null;
        updatedAt = at;
    }

    /**
     * The agency answered a request for information (a message of the request's conversation):
     * back in the queue it was in when asked. Returns whether the case was waiting on the answer;
     * one amended, decided or withdrawn meanwhile stays where it is.
     */
    boolean answered(ReviewStatus queue, OffsetDateTime at) {
        if (status != ReviewStatus.INFORMATION_REQUESTED) {
            return false;
        }
        status = queue;
        updatedAt = at;
        return true;
    }

    /**
     * Stores a newly opened case in one statement, without reading first: a request that already has
     * its case (its submission published again) keeps it as it is. Returns whether it was stored.
     * Every submission on the platform comes this way, so it skips the entity's copy-and-compare.
     */
    boolean storeUnlessOpened() {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into review_cases (request_id, agency_id, country, thematic_area, priority, priority_rank,
                        title, assistance_types, desired_by, equipment_lines, training_needs, estimated_amount,
                        estimated_currency, status, submitted_at, updated_at, priority_id, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, 0)
                    on conflict (request_id) do nothing""")) {
                insert.setObject(1, requestId);
                insert.setString(2, agencyId);
                insert.setString(3, country);
                insert.setString(4, thematicArea);
                insert.setString(5, priority);
                insert.setInt(6, priorityRank);
                insert.setString(7, title);
                insert.setString(8, json(assistanceTypes));
                insert.setObject(9, desiredBy, Types.DATE);
                insert.setString(10, json(equipmentLines));
                insert.setString(11, json(trainingNeeds));
                insert.setBigDecimal(12, estimatedAmount);
                insert.setString(13, estimatedCurrency);
                insert.setString(14, status.name());
                insert.setObject(15, submittedAt);
                insert.setObject(16, updatedAt);
                insert.setObject(17, priorityId, Types.OTHER);
                return insert.executeUpdate() == 1;
            }
        });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getMessage(), e);
        }
    }

    static ReviewCase open(RequestSubmitted submitted) {
        ReviewCase review = new ReviewCase();
        review.requestId = submitted.requestId();
        review.agencyId = submitted.agencyId();
        review.status = ReviewStatus.PENDING;
        review.submittedAt = submitted.submittedAt();
        review.take(
                submitted.country(),
                submitted.thematicArea(),
                submitted.priority(),
                submitted.title(),
                submitted.assistanceTypes(),
                submitted.desiredBy(),
                submitted.equipmentLines(),
                submitted.trainingNeeds(),
                submitted.estimatedValue(),
                submitted.priorityId(),
                submitted.submittedAt());
        return review;
    }

    /**
     * The agency amended its request: the new content, and back in the queue if it was waiting on
     * answers or on a second reviewer. A first approval awaiting confirmation was given for the old
     * content (its lines, country, area), so it is dropped: two reviewers must approve the same
     * request. An amendment arriving after a decision (made while it was on its way) or after a
     * withdrawal changes nothing: the case keeps the content that was decided on. Returns whether
     * the case took the amendment.
     */
    boolean amend(RequestAmended amended) {
        if (isDecided() || status == ReviewStatus.WITHDRAWN) {
            return false;
        }
        take(
                amended.country(),
                amended.thematicArea(),
                amended.priority(),
                amended.title(),
                amended.assistanceTypes(),
                amended.desiredBy(),
                amended.equipmentLines(),
                amended.trainingNeeds(),
                amended.estimatedValue(),
                amended.priorityId(),
                amended.amendedAt());
        if (status == ReviewStatus.INFORMATION_REQUESTED || status == ReviewStatus.AWAITING_SECOND_APPROVAL) {
            status = ReviewStatus.PENDING;
            pendingApproval = null;
        }
        return true;
    }

    /**
     * Withdrawn before a decision took effect: also while a first approval waits for its second
     * reviewer (nothing was committed yet; the withdrawal wins and the pending approval is
     * dropped). After a decision, the decision stands.
     */
    boolean withdraw(OffsetDateTime at) {
        if (isDecided() || status == ReviewStatus.WITHDRAWN) {
            return false;
        }
        status = ReviewStatus.WITHDRAWN;
        pendingApproval = null;
        updatedAt = at;
        return true;
    }

    private void take(
            String country,
            String thematicArea,
            String priority,
            String title,
            Set<String> types,
            LocalDate desiredBy,
            List<EquipmentLine> lines,
            List<TrainingNeed> needs,
            org.assistance.chassis.events.Values.Money estimate,
            UUID priorityId,
            OffsetDateTime at) {
        this.country = country;
        this.thematicArea = thematicArea;
        this.priority = priority;
        this.priorityRank = Math.max(0, PRIORITIES.indexOf(priority));
        this.title = title;
        this.assistanceTypes = types;
        this.desiredBy = desiredBy;
        this.equipmentLines = lines == null ? List.of() : lines;
        this.trainingNeeds = needs == null ? List.of() : needs;
        this.estimatedAmount = estimate == null ? null : estimate.amount();
        this.estimatedCurrency = estimate == null ? null : estimate.currency();
        this.priorityId = priorityId;
        this.updatedAt = at;
    }
}
