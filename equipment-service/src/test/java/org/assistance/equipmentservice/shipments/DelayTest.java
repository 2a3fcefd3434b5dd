package org.assistance.equipmentservice.shipments;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When a dispatched shipment counts as delayed (a rule of the domain, no I/O). */
class DelayTest {

    @Test
    void without_an_expected_date_the_mode_decides_air_30_sea_60_land_7_days() {
        OffsetDateTime dispatched = OffsetDateTime.parse("2027-01-01T10:00:00Z");
        assertThat(dispatchedBy(Shipment.Mode.LAND, dispatched, null).isDelayed(dispatched.plusDays(7))).isFalse();
        assertThat(dispatchedBy(Shipment.Mode.LAND, dispatched, null).isDelayed(dispatched.plusDays(8))).isTrue();
        assertThat(dispatchedBy(Shipment.Mode.AIR, dispatched, null).isDelayed(dispatched.plusDays(31))).isTrue();
        assertThat(dispatchedBy(Shipment.Mode.SEA, dispatched, null).isDelayed(dispatched.plusDays(31))).isFalse();
    }

    @Test
    void an_expected_date_wins_and_a_delivered_shipment_is_never_delayed() {
        OffsetDateTime dispatched = OffsetDateTime.parse("2027-01-01T10:00:00Z");
        Shipment shipment = dispatchedBy(Shipment.Mode.SEA, dispatched, LocalDate.parse("2027-01-05"));
        assertThat(shipment.isDelayed(dispatched.plusDays(5))).isTrue();
        shipment.deliver(dispatched.plusDays(6));
        assertThat(shipment.isDelayed(dispatched.plusDays(9))).isFalse();
    }

    private static Shipment dispatchedBy(Shipment.Mode mode, OffsetDateTime at, LocalDate expected) {
        Shipment shipment = Shipment.plan(java.util.UUID.randomUUID(), "agency", "KE", "W", List.of(), at);
        shipment.dispatch(mode, "carrier", "tracking", expected, List.of(), at);
        return shipment;
    }
}
