package org.assistance.equipmentservice.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.junit.jupiter.api.Test;

/** What a hold, a clearance and a dispatch make of the rules in force (rules of the domain, no I/O). */
class ScreeningRulesTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2027-01-01T10:00:00Z");
    private static final UUID LICENCE_RULE = UUID.randomUUID();
    private static final UUID EMBARGO = UUID.randomUUID();

    @Test
    void a_hit_cleared_with_a_licence_does_not_stop_the_dispatch_but_a_rule_adopted_since_does() {
        Shipment shipment = held(hit(LICENCE_RULE, "LICENCE_REQUIRED"));
        shipment.clear(
                "EXP-1",
                LocalDate.parse("2027-01-02"),
                Set.of(),
                List.of(hit(LICENCE_RULE, "LICENCE_REQUIRED")),
                T0.plusDays(1));

        assertThatThrownBy(() -> shipment.dispatch(
                        Shipment.Mode.AIR,
                        "c",
                        "t",
                        null,
                        List.of(hit(LICENCE_RULE, "LICENCE_REQUIRED"), hit(EMBARGO, "PROHIBITED")),
                        T0.plusDays(2)))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining(EMBARGO.toString())
                .hasMessageContaining("Embargo reference")
                .hasMessageNotContaining(LICENCE_RULE.toString());
        assertThat(shipment.status).isEqualTo(ShipmentStatus.CLEARED);

        shipment.dispatch(
                Shipment.Mode.AIR, "c", "t", null, List.of(hit(LICENCE_RULE, "LICENCE_REQUIRED")), T0.plusDays(2));
        assertThat(shipment.status).isEqualTo(ShipmentStatus.DISPATCHED);
    }

    @Test
    void a_rule_retired_since_the_hold_asks_for_nothing_at_clearance() {
        Shipment shipment = held(hit(EMBARGO, "PROHIBITED"));
        shipment.clear(null, null, Set.of(), List.of(), T0.plusHours(3));
        assertThat(shipment.status).isEqualTo(ShipmentStatus.CLEARED);
        assertThat(shipment.heldSeconds).isEqualTo(3 * 3600);
    }

    @Test
    void a_rule_adopted_while_the_shipment_was_held_counts_at_clearance() {
        Shipment shipment = held(hit(LICENCE_RULE, "LICENCE_REQUIRED"));
        assertThatThrownBy(() -> shipment.clear(
                        "EXP-1",
                        LocalDate.parse("2027-01-02"),
                        Set.of(),
                        List.of(hit(LICENCE_RULE, "LICENCE_REQUIRED"), hit(EMBARGO, "PROHIBITED")),
                        T0.plusDays(1)))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("prohibited");
        assertThatThrownBy(() ->
                        shipment.clear(null, null, Set.of(), List.of(hit(EMBARGO, "LICENCE_REQUIRED")), T0.plusDays(1)))
                .isInstanceOf(InvalidInput.class);
        assertThat(shipment.status).isEqualTo(ShipmentStatus.HELD);
    }

    @Test
    void a_prohibition_names_who_imposed_it_and_by_which_instrument_when_the_rule_states_them() {
        ScreeningHit embargo = new ScreeningHit(
                "RAD-1",
                "COMMUNICATIONS",
                EMBARGO,
                "PROHIBITED",
                "Embargo reference",
                "test",
                "UN_SECURITY_COUNCIL",
                "UN Security Council (1718 Committee)",
                "S/RES/2397 (2017)");
        Shipment shipment = held(embargo);
        assertThatThrownBy(() -> shipment.clear(null, null, Set.of(), List.of(embargo), T0.plusDays(1)))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining(
                        "RAD-1 to MZ is prohibited (Embargo reference, imposed by UN Security Council (1718 Committee), "
                                + "S/RES/2397 (2017))");
        assertThat(shipment.removalReason(Set.of("RAD-1")))
                .isEqualTo("Removed at clearance: RAD-1: PROHIBITED (Embargo reference, imposed by UN Security Council "
                        + "(1718 Committee), S/RES/2397 (2017))");
        // a hit recorded before rules stated their basis names its reference only
        assertThat(Shipment.named(hit(EMBARGO, "PROHIBITED"))).isEqualTo("Embargo reference");
    }

    private static Shipment held(ScreeningHit hit) {
        ShipmentLine line = new ShipmentLine(
                "RAD-1", "Radio", "COMMUNICATIONS", true, 2, new Money(new BigDecimal("300.00"), "EUR"));
        Shipment shipment = Shipment.plan(UUID.randomUUID(), "agency", "MZ", "W", List.of(line), T0);
        shipment.hold(List.of(hit), T0);
        return shipment;
    }

    private static ScreeningHit hit(UUID rule, String measure) {
        return new ScreeningHit(
                "RAD-1",
                "COMMUNICATIONS",
                rule,
                measure,
                rule.equals(EMBARGO) ? "Embargo reference" : "Licence reference",
                "test");
    }
}
