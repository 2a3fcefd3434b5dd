package org.assistance.equipmentservice.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.junit.jupiter.api.Test;

/** Which serial numbers a shipment's lines need at dispatch (rules of the domain, no I/O). */
class UnitsAtDispatchTest {
    private static final ShipmentLine CAMERAS = line("SUR-1", true, 2);
    private static final ShipmentLine RADIOS = line("COM-1", false, 1);

    @Test
    void a_line_split_over_two_lines_of_the_same_item_needs_serials_for_both() {
        ShipmentLine more = line("SUR-1", true, 1);
        assertThatThrownBy(() -> UnitsAtDispatch.checked(
                        List.of(CAMERAS, more), false, List.of(unit("SUR-1", "A"), unit("SUR-1", "B"))))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageEndingWith("SUR-1 (monitored: dual-use) needs 3 serials, got 2");
        assertThat(UnitsAtDispatch.checked(
                        List.of(CAMERAS, more),
                        false,
                        List.of(unit("SUR-1", "A"), unit("SUR-1", "B"), unit("SUR-1", "C"))))
                .hasSize(3);
    }

    @Test
    void under_a_licence_every_line_is_monitored_and_without_one_only_dual_use_lines_are() {
        assertThat(UnitsAtDispatch.checked(List.of(RADIOS), false, null)).isEmpty();
        assertThatThrownBy(() -> UnitsAtDispatch.checked(List.of(RADIOS), true, null))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageEndingWith("COM-1 (monitored: cleared under an export licence) needs 1 serials, got 0");
        assertThat(UnitsAtDispatch.checked(
                        List.of(CAMERAS, RADIOS),
                        true,
                        List.of(unit("SUR-1", "A"), unit("SUR-1", "B"), unit("COM-1", "C"))))
                .containsExactly(unit("SUR-1", "A"), unit("SUR-1", "B"), unit("COM-1", "C"));
    }

    @Test
    void many_serials_given_twice_are_named_twenty_at_most() {
        List<UnitSerial> twice = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> unit("SUR-1", "S" + (i % 25)))
                .toList();
        assertThatThrownBy(() -> UnitsAtDispatch.checked(List.of(line("SUR-1", true, 50)), false, twice))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageEndingWith("S18, S19 and 5 more");
    }

    private static ShipmentLine line(String item, boolean dualUse, int quantity) {
        return new ShipmentLine(
                item, "Item " + item, "SURVEILLANCE", dualUse, quantity, new Money(new BigDecimal("10.00"), "EUR"));
    }

    private static UnitSerial unit(String item, String serial) {
        return new UnitSerial(item, serial);
    }
}
