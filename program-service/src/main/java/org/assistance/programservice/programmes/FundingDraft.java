package org.assistance.programservice.programmes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A donor's pledge or contribution to a programme, as an admin records it. */
@Schema(name = "Funding")
public record FundingDraft(
        @NotBlank @Size(max = 100) @Pattern(regexp = Donor.ID, message = Donor.ID_MESSAGE) @Schema(example = "donor-eu")
        String donorId,

        @NotNull @Valid MoneyInput amount,
        // bounded like the column (numeric(19, 8)) and below any real rate: an unbounded one made
        // the conversion run for minutes while the programme's row was locked
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax(MAX_EXCHANGE_RATE)
        @Digits(integer = 8, fraction = 8)
        @Schema(
                description = "Programme currency per unit of the amount's currency, required when they differ; "
                        + "at most 10,000,000, with up to 8 decimals",
                example = "1.0832")
        BigDecimal exchangeRate,

        @NotNull
        @PastOrPresent
        @Schema(example = "2026-10-01", description = "The value date, from 2000-01-01 to today")
        LocalDate date,

        @Valid
        @Schema(
                description = "Contributions only: the countries and/or thematic areas this money is for; "
                        + "a request draws on it when every list named contains the request's value")
        Earmark earmark) {

    /** The largest exchange rate accepted (programme currency units per unit of the amount's currency). */
    static final String MAX_EXCHANGE_RATE = "10000000";
}
