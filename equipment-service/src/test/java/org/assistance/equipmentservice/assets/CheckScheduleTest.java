package org.assistance.equipmentservice.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.junit.jupiter.api.Test;

/** When a monitored unit's checks fall due and when one is overdue (rules of the domain, no I/O). */
class CheckScheduleTest {
    private static final OffsetDateTime DELIVERED = OffsetDateTime.parse("2027-02-28T23:30:00+03:00");

    @Test
    void checks_fall_due_the_configured_months_after_the_day_of_delivery_as_the_delivery_gave_it() {
        assertThat(months(6, 12).checksDue(DELIVERED.toLocalDate()))
                .containsExactly(LocalDate.parse("2027-08-28"), LocalDate.parse("2028-02-28"));
        assertThat(months(3).checksDue(LocalDate.parse("2027-11-30"))).containsExactly(LocalDate.parse("2028-02-29"));
    }

    @Test
    void a_schedule_whose_months_do_not_rise_is_refused_at_start() {
        assertThatThrownBy(() -> months(12, 6).ascending())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[12, 6]");
        assertThatThrownBy(() -> months(6, 6).ascending()).isInstanceOf(IllegalStateException.class);
        assertThat(months(6, 12, 24).ascending().checkMonths()).containsExactly(6, 12, 24);
    }

    @Test
    void the_kth_due_date_is_met_by_the_kth_check_and_a_date_before_today_not_met_is_overdue() {
        Asset unit = delivered(true);
        LocalDate first = LocalDate.parse("2027-08-28");
        LocalDate second = LocalDate.parse("2028-02-28");
        assertThat(unit.nextCheckDue).isEqualTo(first);
        assertThat(unit.isOverdue(first)).isFalse();
        assertThat(unit.isOverdue(first.plusDays(1))).isTrue();

        EndUseCheck check = unit.check(
                CheckResult.NOT_IN_USE, first.plusDays(1), "Field team", null, "ops-1", first.plusDays(1), DELIVERED);
        assertThat(check.checkNumber).isEqualTo(1);
        assertThat(unit.schedule()).containsExactly(new DueCheck(first, true), new DueCheck(second, false));
        assertThat(unit.nextCheckDue).isEqualTo(second);
        assertThat(unit.isOverdue(first.plusDays(1))).isFalse();
        assertThat(unit.isOverdue(second.plusDays(1))).isTrue();
    }

    @Test
    void a_unit_nobody_monitors_has_nothing_due_and_a_rejected_unit_leaves_monitoring() {
        Asset unmonitored = delivered(false);
        assertThat(unmonitored.schedule()).isEmpty();
        assertThat(unmonitored.nextCheckDue).isNull();

        Asset rejected = delivered(true);
        rejected.rejected(DELIVERED.plusDays(2));
        assertThat(rejected.status).isEqualTo(AssetStatus.REJECTED);
        assertThat(rejected.nextCheckDue).isNull();
        assertThat(rejected.isOverdue(LocalDate.parse("2030-01-01"))).isFalse();
        assertThatThrownBy(() -> rejected.check(
                        CheckResult.NOT_FOUND,
                        LocalDate.parse("2027-09-01"),
                        "Field team",
                        null,
                        "ops-1",
                        LocalDate.parse("2027-09-01"),
                        DELIVERED))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("was rejected by the partner at receipt on 2027-03-02");
    }

    @Test
    void a_check_dated_on_the_day_of_delivery_counts_though_that_day_is_the_day_before_in_UTC() {
        Asset unit = delivered(true);
        // delivered 2027-02-28 at 23:30 in Nairobi (20:30 UTC): a check that day is not before the delivery
        EndUseCheck check = unit.check(
                CheckResult.IN_USE,
                LocalDate.parse("2027-02-28"),
                "Field team",
                null,
                "ops-1",
                LocalDate.parse("2027-03-01"),
                DELIVERED);
        assertThat(check.checkedAt).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThatThrownBy(() -> delivered(true)
                        .check(
                                CheckResult.IN_USE,
                                LocalDate.parse("2027-02-27"),
                                "Field team",
                                null,
                                "ops-1",
                                LocalDate.parse("2027-03-01"),
                                DELIVERED))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("checkedAt 2027-02-27 is before unit SN-1 was delivered (2027-02-28)");
    }

    private static Asset delivered(boolean dualUse) {
        ShipmentLine line = new ShipmentLine(
                "SUR-1", "Camera", "SURVEILLANCE", dualUse, 1, new Money(new BigDecimal("900.00"), "EUR"));
        Asset unit = Asset.dispatched(
                new UnitSerial("SUR-1", "SN-1"),
                line,
                false,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "agency-ke",
                "KE",
                DELIVERED.minusDays(5));
        unit.delivered(DELIVERED, months(6, 12).checksDue(DELIVERED.toLocalDate()));
        return unit;
    }

    private static EndUseMonitoring months(Integer... months) {
        return () -> List.of(months);
    }
}
