package org.assistance.chassis.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Value types shared by the event payloads. */
public final class Values {
    private Values() {}

    /** An exact amount in an ISO 4217 currency; never a floating-point number. */
    public record Money(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(maximum = "999999999999999.99")
            BigDecimal amount,

            @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    minLength = 3,
                    maxLength = 3,
                    pattern = "^[A-Z]{3}$")
            String currency) {}

    public record RequestingAuthority(String name, String kind) {}

    public record EquipmentLine(String itemCode, int quantity, String justification) {}

    public record TrainingNeed(String topic, int expectedParticipants) {}

    public record DonorShare(String donorId, String name, String iatiIdentifier) {}

    /** One approved non-equipment activity (training course, advisory mission, ...). */
    public record PlannedActivity(
            UUID activityId,
            String kind,
            String title,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            int expectedParticipants) {}

    public record ShipmentLine(
            String itemCode, String itemName, String category, boolean dualUse, int quantity, Money unitCost) {}

    /** What the partner accepted and rejected of one shipped line. */
    public record ReceiptLine(String itemCode, int quantityAccepted, int quantityRejected, String rejectionReason) {}

    /**
     * A screening rule that hit one line of a shipment, with the rule's legal basis as it read
     * then: {@code basis} (a {@link BarrierBasis} name), {@code imposedBy} (the Security Council and
     * its regime, the imposing State or organisation, or the national authority) and {@code
     * instrument} (resolution, act or list). The three were added to v1 as optional fields: hits
     * written before have none (null).
     */
    public record ScreeningHit(
            String itemCode,
            String category,
            UUID ruleId,
            String measure,
            String reference,
            String reason,
            String basis,
            String imposedBy,
            String instrument) {
        /** A hit as written before the rule's basis was recorded. */
        public ScreeningHit(
                String itemCode, String category, UUID ruleId, String measure, String reference, String reason) {
            this(itemCode, category, ruleId, measure, reference, reason, null, null, null);
        }
    }

    /**
     * What a barrier to assistance rests on: a measure of the UN Security Council, a unilateral
     * measure of a State or organisation, a national export control, or something else. Stated as
     * a fact, never as a judgement.
     */
    public enum BarrierBasis {
        UN_SECURITY_COUNCIL,
        UNILATERAL_MEASURE,
        NATIONAL_EXPORT_CONTROL,
        OTHER
    }

    public record Participants(int women, int men, int total) {}

    /**
     * One donor's part of an amount: of a commitment (fixed at approval, pro rata to the donors'
     * received contributions or from an earmarked contribution) and of every expenditure drawn
     * on it. The parts of one amount always add up to it exactly ({@link DonorSplit}).
     */
    public record DonorAmount(String donorId, String name, String iatiIdentifier, Money amount) {}

    /**
     * One approved component of a request as the requester follows it: an equipment line (id
     * {@code item:<code>}, quantities in units) or an activity (id = the activity id, quantity 1).
     * {@code state} is PENDING, IN_PROGRESS, DELIVERED or CANCELLED.
     */
    public record Deliverable(
            String deliverableId,
            String kind,
            String description,
            int quantity,
            int quantityDelivered,
            int quantityCancelled,
            String state,
            String reason) {}
}
