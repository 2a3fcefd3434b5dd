package org.assistance.chassis.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

    /**
     * A request's title and needs statement in another language than the one it was written in
     * ({@code language}: ISO 639-1, such as "fr"); donors' IATI feeds carry one narrative per
     * language. The needs statement may be left out (null): only the title was translated.
     */
    public record Translation(String language, String title, String needsStatement) {}

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

    /**
     * What the partner accepted and rejected of one shipped line. {@code serialsAccepted} names the
     * units accepted by serial number when the line's units were dispatched with serials (the
     * others of the line were rejected); null for a line without serials. Added to v1 as an
     * optional field: receipts written before have none.
     */
    public record ReceiptLine(
            String itemCode,
            int quantityAccepted,
            int quantityRejected,
            String rejectionReason,
            List<String> serialsAccepted) {
        /** A receipt line as written before serial numbers were confirmed. */
        public ReceiptLine(String itemCode, int quantityAccepted, int quantityRejected, String rejectionReason) {
            this(itemCode, quantityAccepted, quantityRejected, rejectionReason, null);
        }
    }

    /** One unit of equipment by its serial number, as dispatched (and then monitored after delivery). */
    public record UnitSerial(String itemCode, String serialNumber) {}

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

    /**
     * Who took part in a delivered activity, counted by sex: {@code women + men + other +
     * notDisclosed == total}. {@code other} and {@code notDisclosed} were added to v1 as optional
     * fields: events written before have none (0), when women + men had to equal the total.
     */
    public record Participants(int women, int men, int other, int notDisclosed, int total) {
        /** Participants as counted before OTHER and NOT_DISCLOSED were recorded. */
        public Participants(int women, int men, int total) {
            this(women, men, 0, 0, total);
        }

        /** Reads both shapes: the two counts added later are 0 when absent (the codec refuses a missing int). */
        @JsonCreator
        static Participants read(
                @JsonProperty("women") int women,
                @JsonProperty("men") int men,
                @JsonProperty("other") Integer other,
                @JsonProperty("notDisclosed") Integer notDisclosed,
                @JsonProperty("total") int total) {
            return new Participants(
                    women, men, other == null ? 0 : other, notDisclosed == null ? 0 : notDisclosed, total);
        }
    }

    /**
     * What an activity's roster of participants adds up to, and nothing about any one of them: no
     * participant id, name, rank or organisation ever leaves program-service. {@code completed}
     * are those who attended at least the completion threshold, {@code certified} those given a
     * certificate, {@code returning} those who had taken part in an earlier activity of the same
     * agency. The averages are over participants with the score(s) recorded (the gain over those
     * with both), to two decimals; null when nobody has one.
     */
    public record ParticipantSummary(
            int total,
            int women,
            int men,
            int other,
            int notDisclosed,
            int completed,
            int certified,
            int returning,
            BigDecimal averagePreScore,
            BigDecimal averagePostScore,
            BigDecimal averageScoreGain) {
        public Participants counts() {
            return new Participants(women, men, other, notDisclosed, total);
        }
    }

    /** A baseline or target of an indicator: a value and the year it holds for. */
    public record IndicatorValue(BigDecimal value, int year) {}

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
