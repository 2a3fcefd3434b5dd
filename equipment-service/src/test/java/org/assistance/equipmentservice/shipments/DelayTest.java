package org.assistance.equipmentservice.shipments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a dispatched shipment counts as delayed (a rule of the domain, no I/O). */
class DelayTest {
    private static final OffsetDateTime DISPATCHED = OffsetDateTime.parse("2027-01-01T10:00:00Z");

    /**
     * Without an expected date a shipment is due by the mode's usual transit time after dispatch
     * and counts as delayed from the day after that: probed the day before, at the due moment,
     * at the due day's last instant (just below the threshold) and the next day's first (just above).
     */
    @ParameterizedTest(name = "{0}: due {1} days after dispatch")
    @CsvSource({"AIR, 30", "SEA, 60", "LAND, 7"})
    void without_an_expected_date_the_mode_decides_when_a_shipment_is_late(Shipment.Mode mode, int days) {
        Shipment shipment = dispatchedBy(mode, DISPATCHED, null);
        OffsetDateTime dueBy = DISPATCHED.plusDays(days);
        assertThat(mode.dueBy(DISPATCHED)).isEqualTo(dueBy);

        OffsetDateTime nextDay = dueBy.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        assertThat(shipment.isDelayed(dueBy.minusDays(1)))
                .as("the day before it is due")
                .isFalse();
        assertThat(shipment.isDelayed(dueBy)).as("when it is due").isFalse();
        assertThat(shipment.isDelayed(nextDay.minusNanos(1)))
                .as("the due day's last instant")
                .isFalse();
        assertThat(shipment.isDelayed(nextDay)).as("the day after it was due").isTrue();
    }

    @Test
    void the_modes_differ_a_sea_shipment_is_not_late_when_an_air_one_is() {
        OffsetDateTime now = DISPATCHED.plusDays(31);
        assertThat(dispatchedBy(Shipment.Mode.AIR, DISPATCHED, null).isDelayed(now))
                .isTrue();
        assertThat(dispatchedBy(Shipment.Mode.SEA, DISPATCHED, null).isDelayed(now))
                .isFalse();
    }

    @Test
    void an_expected_date_wins_over_the_mode_and_a_delivered_shipment_is_never_delayed() {
        Shipment shipment = dispatchedBy(Shipment.Mode.SEA, DISPATCHED, LocalDate.parse("2027-01-05"));
        assertThat(shipment.isDelayed(OffsetDateTime.parse("2027-01-05T23:59:59Z")))
                .isFalse();
        assertThat(shipment.isDelayed(OffsetDateTime.parse("2027-01-06T00:00:00Z")))
                .isTrue();
        shipment.deliver(DISPATCHED.plusDays(6));
        assertThat(shipment.isDelayed(DISPATCHED.plusDays(90))).isFalse();
    }

    private static Shipment dispatchedBy(Shipment.Mode mode, OffsetDateTime at, LocalDate expected) {
        Shipment shipment = Shipment.plan(java.util.UUID.randomUUID(), "agency", "KE", "W", List.of(), at);
        shipment.dispatch(mode, "carrier", "tracking", expected, List.of(), at);
        return shipment;
    }
}
