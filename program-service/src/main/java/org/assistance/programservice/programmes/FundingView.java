package org.assistance.programservice.programmes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A pledge or contribution as it was recorded: the amount in the programme's currency and, when
 * given in another, the amount and rate as given; what it is earmarked for.
 */
public record FundingView(
        Long id,
        String programmeCode,
        String donorId,
        Funding.Kind kind,
        BigDecimal amount,
        String currency,
        BigDecimal originalAmount,
        String originalCurrency,
        BigDecimal exchangeRate,
        LocalDate valueDate,
        List<String> earmarkCountries,
        List<String> earmarkThematicAreas,
        OffsetDateTime recordedAt) {

    static FundingView of(Funding f, String programmeCurrency) {
        return new FundingView(
                f.id,
                f.programmeCode,
                f.donorId,
                f.kind,
                f.amount,
                programmeCurrency,
                f.originalAmount,
                f.originalCurrency,
                f.exchangeRate,
                f.valueDate,
                f.earmarkCountries,
                f.earmarkThematicAreas,
                f.recordedAt);
    }
}
