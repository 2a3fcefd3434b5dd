package org.assistance.equipmentservice.assets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * When the end use of monitored units is checked ({@code assistance.end-use.*}): {@code
 * check-months} are the months after delivery a check falls due, by default 6 and 12. Validated
 * at start: 1 to 12 dates, each 1 to 120 months after delivery, each later than the one before.
 */
@ConfigMapping(prefix = "assistance.end-use")
public interface EndUseMonitoring {
    /** The most checks a unit's schedule holds. */
    int MAX_CHECKS_DUE = 12;

    @WithDefault("6,12")
    @NotEmpty
    @Size(max = MAX_CHECKS_DUE)
    List<@Min(1) @Max(120) Integer> checkMonths();

    /** The days checks of a unit delivered on {@code deliveredOn} fall due, in order. */
    default List<LocalDate> checksDue(LocalDate deliveredOn) {
        return checkMonths().stream().map(deliveredOn::plusMonths).toList();
    }

    /** Refuses a schedule whose months do not rise (a later check falling due before an earlier one). */
    default EndUseMonitoring ascending() {
        List<Integer> months = checkMonths();
        for (int i = 1; i < months.size(); i++) {
            if (months.get(i) <= months.get(i - 1)) {
                throw new IllegalStateException(
                        "assistance.end-use.check-months must rise, each month after the " + "one before: " + months);
            }
        }
        return this;
    }
}
