package org.assistance.reportingservice.feeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One approved request as the donor feeds report it (an IATI activity). */
public record FeedActivity(UUID requestId, String title, String country, String thematicArea, String programme,
                           String stage, OffsetDateTime submittedAt, OffsetDateTime approvedAt,
                           OffsetDateTime deliveredAt, OffsetDateTime receivedAt, LocalDate desiredBy,
                           BigDecimal approvedAmount, String currency, int approvedUnits, int acceptedUnits,
                           int participantsWomen, int participantsMen, OffsetDateTime lastUpdated,
                           List<Donor> donors, List<Transaction> transactions) {

    public record Donor(String id, String name, String iatiIdentifier) {
    }

    /** IATI transaction types used here: 2 outgoing commitment, 3 disbursement, 4 expenditure. */
    public record Transaction(String type, LocalDate date, BigDecimal value, String currency) {
    }
}
