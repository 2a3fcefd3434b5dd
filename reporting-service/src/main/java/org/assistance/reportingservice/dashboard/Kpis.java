package org.assistance.reportingservice.dashboard;

import static org.assistance.reportingservice.dashboard.Dashboard.LATEST_EVENTS;
import static org.assistance.reportingservice.dashboard.Dashboard.MAX;
import static org.assistance.reportingservice.dashboard.Dashboard.MAX_COUNTRIES;
import static org.assistance.reportingservice.dashboard.Dashboard.MAX_FUNDS;
import static org.assistance.reportingservice.dashboard.Dashboard.MAX_PROGRAMMES;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.assistance.reportingservice.results.ParticipantAggregates;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The KPIs. {@code timeToApproval} counts approved requests only, {@code timeToRejection}
 * rejected ones only (days from submission); {@code heldNow} shipments held at this moment,
 * {@code everHeld} those held at some point.
 */
public record Kpis(
        DashboardFilter filter,
        @Schema(minimum = "0", maximum = MAX) long requests,
        @Schema(additionalProperties = Count.class) Map<String, Long> byStage,
        Double approvalRatePercent,

        @Schema(description = "Days from submission to approval, approved requests only")
        Percentiles timeToApproval,

        @Schema(description = "Days from submission to rejection, rejected requests only")
        Percentiles timeToRejection,

        Percentiles approvalToDeliveryDays,
        @Schema(additionalProperties = Count.class) Map<String, Long> approvalDaysDistribution,
        @Schema(additionalProperties = Count.class) Map<String, Long> rejectionDaysDistribution,
        @Schema(additionalProperties = Count.class) Map<String, Long> deliveryDaysDistribution,
        Double onTimeDeliveryPercent,

        @Schema(description = "Delivery of every kind of assistance, per assistance type and per " + "deliverable kind")
        Delivery delivery,

        @Schema(
                description = "Shipments held by export controls at this moment (not cleared, not cancelled)",
                minimum = "0",
                maximum = MAX)
        long heldNow,

        @Schema(description = "Shipments held at some point", minimum = "0", maximum = MAX)
        long everHeld,

        Shipments shipments,
        Double fillRatePercent,

        @Schema(
                description = "Per programme, donor and currency: each amount credited once (the donors' "
                        + "parts of an amount add up to it); at most " + MAX_FUNDS + " rows (narrow by programme "
                        + "or donor for more)",
                maxItems = MAX_FUNDS)
        List<Funds> funds,

        @Schema(
                description = "Per programme and currency: committed, disbursed and spent, each the sum "
                        + "over the programme's donors in funds; at most " + MAX_PROGRAMMES + " rows",
                maxItems = MAX_PROGRAMMES)
        List<ProgrammeMoney> programmes,

        @Schema(minimum = "0", maximum = MAX) long participantsWomen,
        @Schema(minimum = "0", maximum = MAX) long participantsMen,

        @Schema(description = "Participants of the selected requests' delivered activities, in aggregates")
        ParticipantAggregates participants,

        @Schema(description = "Requests and deliveries per country", maxItems = MAX_COUNTRIES)
        List<CountryRow> countries,

        @Schema(description = "The latest events of the requests selected, newest first", maxItems = LATEST_EVENTS)
        List<LiveEvent> latestEvents) {
    /** A count in a breakdown (per stage, per bucket of days, per destination or category). */
    @Schema(name = "Count", type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = MAX)
    public interface Count {}

    public record Percentiles(
            Double p50,
            Double p90,
            @Schema(minimum = "0", maximum = MAX) long count) {}

    /**
     * Shipments stopped by export controls: {@code count} (= {@code now}) those held at this
     * moment, {@code ever} those held at some point; {@code totalDaysHeld} the time they spent
     * held (until cleared or cancelled); destinations and categories of those held now.
     */
    public record HeldShipments(
            @Schema(minimum = "0", maximum = MAX) long count,
            @Schema(minimum = "0", maximum = MAX) long now,
            @Schema(minimum = "0", maximum = MAX) long ever,
            double totalDaysHeld,
            @Schema(additionalProperties = Count.class) Map<String, Long> byDestination,
            @Schema(additionalProperties = Count.class) Map<String, Long> byCategory) {}

    public record Shipments(
            @Schema(minimum = "0", maximum = MAX) long total,
            @Schema(minimum = "0", maximum = MAX) long inTransit,
            @Schema(minimum = "0", maximum = MAX) long delayed,
            @Schema(minimum = "0", maximum = MAX) long cancelled,
            HeldShipments held) {}

    /** One donor's money in a programme: each amount credited once (the donors' parts add up to it). */
    public record Funds(
            @Schema(maxLength = 20) String programme,
            @Schema(maxLength = 100) String donor,
            @Schema(maxLength = 3) String currency,
            BigDecimal pledged,
            BigDecimal committed,
            BigDecimal disbursed,
            BigDecimal spent) {}

    /** A programme's totals: for each, the sum over its donors in {@code funds} is exactly this. */
    public record ProgrammeMoney(
            @Schema(maxLength = 20) String programme,
            @Schema(maxLength = 3) String currency,
            BigDecimal committed,
            BigDecimal disbursed,
            BigDecimal spent) {}

    /** Requests of one assistance type (a request may ask for several) and how many reached their end. */
    public record TypeDelivery(
            @Schema(minimum = "0", maximum = MAX) long requests,
            @Schema(minimum = "0", maximum = MAX) long approved,
            @Schema(minimum = "0", maximum = MAX) long delivered,
            @Schema(minimum = "0", maximum = MAX) long cancelled,
            @Schema(minimum = "0", maximum = MAX) long closed) {}

    /** Approved components of one kind (EQUIPMENT, TRAINING_COURSE, ...) and where they stand. */
    public record KindDelivery(
            @Schema(minimum = "0", maximum = MAX) long total,
            @Schema(minimum = "0", maximum = MAX) long delivered,
            @Schema(minimum = "0", maximum = MAX) long cancelled,
            @Schema(minimum = "0", maximum = MAX) long inProgress,
            @Schema(minimum = "0", maximum = MAX) long pending) {}

    /**
     * Delivery of every kind of assistance: requests delivered (closed ones included), cancelled
     * and closed, the partners' satisfaction at closing, and the breakdowns per assistance type and
     * per deliverable kind.
     */
    public record Delivery(
            @Schema(minimum = "0", maximum = MAX) long delivered,
            @Schema(minimum = "0", maximum = MAX) long cancelled,
            @Schema(minimum = "0", maximum = MAX) long closed,
            Double averageSatisfaction,
            Map<String, TypeDelivery> byAssistanceType,
            Map<String, KindDelivery> byDeliverableKind) {}

    public record CountryRow(
            @Schema(maxLength = 2) String country,
            @Schema(minimum = "0", maximum = MAX) long requests,
            @Schema(minimum = "0", maximum = MAX) long delivered) {}
}
