package org.assistance.chassis.validation;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.assistance.chassis.events.Values.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount as clients send it: exact decimal, positive, with an ISO 4217 currency. */
@Schema(name = "Money")
public record MoneyInput(
        @NotNull @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) @Schema(example = "25000.00")
        BigDecimal amount,

        @NotNull @CurrencyCode @Schema(example = "EUR", minLength = 3, maxLength = 3, pattern = "^[A-Z]{3}$")
        String currency) {

    public Money toMoney() {
        return new Money(amount, currency);
    }
}
