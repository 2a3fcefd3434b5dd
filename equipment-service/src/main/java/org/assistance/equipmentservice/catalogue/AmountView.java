package org.assistance.equipmentservice.catalogue;

import java.math.BigDecimal;
import org.assistance.chassis.events.Values.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exact amount as this service answers it (a unit cost, a shipment's value). */
@Schema(name = "Amount")
public record AmountView(
        @Schema(example = "25000.00", minimum = "0") BigDecimal amount,

        @Schema(example = "EUR", minLength = 3, maxLength = 3, description = "ISO 4217")
        String currency) {
    public static AmountView of(Money money) {
        return money == null ? null : new AmountView(money.amount(), money.currency());
    }
}
