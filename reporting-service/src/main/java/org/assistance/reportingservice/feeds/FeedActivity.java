package org.assistance.reportingservice.feeds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One approved request as the donor feeds report it (an IATI activity). */
public record FeedActivity(UUID requestId, String title, String country, String thematicArea, String programme,
                           String stage, OffsetDateTime submittedAt, OffsetDateTime approvedAt,
                           OffsetDateTime deliveredAt, OffsetDateTime receivedAt, OffsetDateTime cancelledAt,
                           OffsetDateTime closedAt, LocalDate desiredBy,
                           BigDecimal approvedAmount, String currency, int approvedUnits, int acceptedUnits,
                           int participantsWomen, int participantsMen, OffsetDateTime lastUpdated,
                           List<Donor> donors, List<Transaction> transactions) {

    public record Donor(String id, String name, String iatiIdentifier) {
    }

    /**
     * One donor's part of an amount (IATI transaction types used here: 2 outgoing commitment, 3
     * disbursement, 4 expenditure). Each amount is split between its donors once: the parts of
     * one amount add up to it.
     */
    public record Transaction(String type, LocalDate date, BigDecimal value, String currency, String donor,
                              String donorName, String donorIatiIdentifier) {
    }
}
