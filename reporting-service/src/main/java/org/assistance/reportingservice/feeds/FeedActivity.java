package org.assistance.reportingservice.feeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.reportingservice.enduse.EndUseFigures;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One approved request as the donor feeds report it (an IATI activity). */
public record FeedActivity(
        UUID requestId,
        @Schema(maxLength = 200) String title,

        @Schema(
                description = "The ISO 639-1 language the title and needs statement are written in (null: en)",
                maxLength = 8,
                example = "es")
        String language,

        @Schema(description = "What the requesting authorities need, in their words", maxLength = 10000)
        String needsStatement,

        @Schema(
                description = "The partner's translations of the title and needs statement",
                maxItems = MAX_TRANSLATIONS)
        List<Translation> translations,

        @Schema(description = "ISO 3166-1 alpha-2", maxLength = 2)
        String country,

        @Schema(maxLength = 40) String thematicArea,
        @Schema(maxLength = 20) String programme,

        @Schema(
                enumeration = {
                    "APPROVED",
                    "IN_DELIVERY",
                    "DELIVERED",
                    "RECEIVED",
                    "CLOSED",
                    "CANCELLED",
                    "WITHDRAWN",
                    "REJECTED"
                })
        String stage,

        OffsetDateTime submittedAt,
        OffsetDateTime approvedAt,
        OffsetDateTime deliveredAt,
        OffsetDateTime receivedAt,
        OffsetDateTime cancelledAt,
        OffsetDateTime closedAt,
        LocalDate desiredBy,
        BigDecimal approvedAmount,
        @Schema(description = "ISO 4217", maxLength = 3) String currency,
        @Schema(minimum = "0", maximum = "2147483647") int approvedUnits,
        @Schema(minimum = "0", maximum = "2147483647") int acceptedUnits,
        @Schema(minimum = "0", maximum = "2147483647") int participantsWomen,
        @Schema(minimum = "0", maximum = "2147483647") int participantsMen,
        @Schema(minimum = "0", maximum = "2147483647") int participantsOther,
        @Schema(minimum = "0", maximum = "2147483647") int participantsNotDisclosed,

        @Schema(description = "The request includes a training course (an activity of kind TRAINING_COURSE)")
        boolean training,

        OffsetDateTime lastUpdated,
        @Schema(maxItems = MAX_DONORS) List<Donor> donors,
        @Schema(maxItems = MAX_TRANSACTIONS) List<Transaction> transactions,

        @Schema(
                description = "What held or stopped delivery: shipments held now (with the measure), "
                        + "shipments and deliverables cancelled",
                maxItems = MAX_NOTES)
        List<DeliveryNote> deliveryNotes,

        @Schema(
                description = "End-use monitoring of the request's equipment after delivery, as of today; null when "
                        + "no unit of it is monitored")
        EndUseFigures endUse) {
    /** Everyone who took part in the request's delivered activities (their counts by sex add up to it). */
    public int participantsTotal() {
        return participantsWomen + participantsMen + participantsOther + participantsNotDisclosed;
    }

    /** The most translations one activity lists. */
    public static final int MAX_TRANSLATIONS = 20;

    /** The title and needs statement in another language (a needs statement may be left out). */
    @Schema(name = "FeedTranslation")
    public record Translation(
            @Schema(description = "ISO 639-1", maxLength = 8, example = "fr")
            String language,

            @Schema(maxLength = 200) String title,
            @Schema(maxLength = 10000) String needsStatement) {}

    /** The most donors and transactions one activity lists (more are not reported). */
    public static final int MAX_DONORS = 100;

    public static final int MAX_TRANSACTIONS = 10_000;

    /** The most delivery notes one activity lists. */
    public static final int MAX_NOTES = 1000;

    /**
     * A fact about the delivery a donor should read: a shipment held now by export-control
     * screening (HELD: the IATI feed states it as a condition too), a shipment or a deliverable
     * cancelled (CANCELLED). Worded as facts.
     */
    @Schema(name = "FeedDeliveryNote")
    public record DeliveryNote(
            @Schema(enumeration = {"HELD", "CANCELLED"}) String kind,
            LocalDate since,
            @Schema(maxLength = 4000) String narrative) {}

    @Schema(name = "FeedDonor")
    public record Donor(
            @Schema(maxLength = 100) String id,
            @Schema(maxLength = 200) String name,
            @Schema(maxLength = 100) String iatiIdentifier) {}

    /**
     * One donor's part of an amount (IATI transaction types used here: 2 outgoing commitment, 3
     * disbursement, 4 expenditure). Each amount is split between its donors once: the parts of
     * one amount add up to it.
     */
    @Schema(name = "FeedTransaction")
    public record Transaction(
            @Schema(
                    description = "IATI TransactionType: 2 commitment, 3 disbursement, 4 expenditure",
                    enumeration = {"2", "3", "4"})
            String type,

            LocalDate date,
            BigDecimal value,
            @Schema(maxLength = 3) String currency,
            @Schema(maxLength = 100) String donor,
            @Schema(maxLength = 200) String donorName,
            @Schema(maxLength = 100) String donorIatiIdentifier) {}
}
