package org.assistance.chassis.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Value types shared by the event payloads. */
public final class Values {
    private Values() {
    }

    /** An exact amount in an ISO 4217 currency; never a floating-point number. */
    public record Money(BigDecimal amount, String currency) {
    }

    public record RequestingAuthority(String name, String kind) {
    }

    public record EquipmentLine(String itemCode, int quantity, String justification) {
    }

    public record TrainingNeed(String topic, int expectedParticipants) {
    }

    public record DonorShare(String donorId, String name, String iatiIdentifier) {
    }

    /** One approved non-equipment activity (training course, advisory mission, ...). */
    public record PlannedActivity(UUID activityId, String kind, String title, LocalDate plannedStart,
                                  LocalDate plannedEnd, int expectedParticipants) {
    }

    public record ShipmentLine(String itemCode, String itemName, String category, boolean dualUse,
                               int quantity, Money unitCost) {
    }

    /** What the partner accepted and rejected of one shipped line. */
    public record ReceiptLine(String itemCode, int quantityAccepted, int quantityRejected, String rejectionReason) {
    }

    /** A screening rule that hit one line of a shipment. */
    public record ScreeningHit(String itemCode, String category, UUID ruleId, String measure, String reference,
                               String reason) {
    }

    public record Participants(int women, int men, int total) {
    }
}
