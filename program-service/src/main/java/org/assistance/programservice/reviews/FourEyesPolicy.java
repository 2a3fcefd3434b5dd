package org.assistance.programservice.reviews;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;
import org.assistance.chassis.events.Values.Money;

/**
 * Above a threshold (default 50,000 USD equivalent) an approval needs a second, different
 * reviewer. Amounts are converted with configured reference rates (units of the threshold's
 * currency per unit); an amount in a currency without a rate always needs a second reviewer.
 */
@ConfigMapping(prefix = "assistance.four-eyes")
public interface FourEyesPolicy {

    @WithDefault("50000")
    BigDecimal threshold();

    @WithDefault("USD")
    String currency();

    Map<String, BigDecimal> referenceRates();

    default boolean needsSecondReviewer(Money amount) {
        BigDecimal rate = amount.currency().equals(currency())
                ? BigDecimal.ONE
                : referenceRates().get(amount.currency());
        return rate == null || amount.amount().multiply(rate).compareTo(threshold()) > 0;
    }
}
