package org.assistance.reportingservice.countries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One State's requests as its national priorities see them: per priority stated (and for the
 * requests naming none), the requests, the value approved and the value delivered per currency;
 * per currency, the share of the approved value that answers a stated priority; and how many
 * requests its focal point endorsed, declined or has not decided on.
 */
@Schema(description = "A State's requests by national priority, and the focal point's endorsements")
public record CountryReport(
        @Schema(maxLength = 2, example = "KE") String country,

        @Schema(
                description = "One row per priority the State stated, by rank",
                maxItems = CountryReports.MAX_PRIORITIES)
        List<PriorityRow> priorities,

        @Schema(description = "The requests naming no priority the State stated")
        PriorityRow noPriority,

        @Schema(description = "Per currency: approved, delivered, and the share answering a priority", maxItems = 200)
        List<CurrencyRow> currencies,

        Endorsements endorsements) {

    static final String MAX = "9223372036854775807";

    /** An amount in one currency. */
    @Schema(name = "CountryAmount")
    public record Amount(
            @Schema(maxLength = 3, example = "USD") String currency,
            @Schema(maximum = "999999999999999.99") BigDecimal amount) {}

    /** A national priority (all null in the row of requests naming none) and the requests answering it. */
    public record PriorityRow(
            UUID priorityId,
            @Schema(minimum = "0", maximum = "2147483647") Integer rank,
            @Schema(maxLength = 500) String title,
            @Schema(maxLength = 100) String thematicArea,
            @Schema(maxLength = 500) String strategyReference,
            LocalDate periodFrom,
            LocalDate periodTo,

            @Schema(description = "Requests naming it", minimum = "0", maximum = MAX)
            long requests,

            @Schema(description = "Of those, approved", minimum = "0", maximum = MAX)
            long approvedRequests,

            @Schema(description = "Value approved, per currency", maxItems = 200)
            List<Amount> approved,

            @Schema(
                    description =
                            "Value delivered (equipment delivered and activities' disbursements), " + "per currency",
                    maxItems = 200)
            List<Amount> delivered) {}

    /** One currency's figures; {@code priorityShare} is null when nothing was approved in it. */
    public record CurrencyRow(
            @Schema(maxLength = 3, example = "USD") String currency,
            @Schema(maximum = "999999999999999.99") BigDecimal approved,

            @Schema(description = "Approved value of requests naming a stated priority", maximum = "999999999999999.99")
            BigDecimal approvedForPriorities,

            @Schema(maximum = "999999999999999.99") BigDecimal delivered,

            @Schema(
                    description = "approvedForPriorities / approved, 4 decimals (HALF_UP); null when nothing "
                            + "was approved",
                    minimum = "0",
                    maximum = "1")
            BigDecimal priorityShare) {}

    /** The focal point's latest decision on each of the State's requests. */
    public record Endorsements(
            @Schema(minimum = "0", maximum = MAX) long endorsed,
            @Schema(minimum = "0", maximum = MAX) long declined,
            @Schema(minimum = "0", maximum = MAX) long none) {}
}
