package org.assistance.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assistance.chassis.events.DonorSplit;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.Money;
import org.junit.jupiter.api.Test;

/** How an amount is shared between the donors of a programme: exact to the cent, never counted twice. */
class DonorSplitTest {

    private static DonorAmount donor(String id, String amount) {
        return new DonorAmount(id, "Donor " + id, "XM-" + id, new Money(new BigDecimal(amount), "USD"));
    }

    private static List<BigDecimal> amounts(List<DonorAmount> parts) {
        return parts.stream().map(p -> p.amount().amount()).toList();
    }

    @Test
    void a_commitment_in_a_programme_of_two_donors_is_credited_once_not_to_each() {
        List<DonorAmount> parts = DonorSplit.apportion(
                new Money(new BigDecimal("30000.00"), "USD"),
                List.of(donor("EU", "100000.00"), donor("NO", "100000.00")));

        assertThat(amounts(parts)).containsExactly(new BigDecimal("15000.00"), new BigDecimal("15000.00"));
    }

    @Test
    void three_donors_with_uneven_contributions_share_pro_rata_and_the_parts_add_up_to_the_cent() {
        List<DonorAmount> parts = DonorSplit.apportion(
                new Money(new BigDecimal("10000.00"), "EUR"),
                List.of(donor("A", "50000.00"), donor("B", "30000.00"), donor("C", "20000.00")));
        assertThat(amounts(parts))
                .containsExactly(new BigDecimal("5000.00"), new BigDecimal("3000.00"), new BigDecimal("2000.00"));
        assertThat(parts).allMatch(p -> p.amount().currency().equals("EUR"));

        List<DonorAmount> thirds = DonorSplit.apportion(
                new Money(new BigDecimal("100.00"), "USD"), List.of(donor("A", "1"), donor("B", "1"), donor("C", "1")));
        assertThat(amounts(thirds))
                .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
    }

    @Test
    void any_amount_over_any_basis_adds_up_exactly_and_no_donor_is_a_cent_from_its_exact_share() {
        Random random = new Random(20261201L);
        for (int run = 0; run < 5_000; run++) {
            List<DonorAmount> basis = new ArrayList<>();
            int donors = 1 + random.nextInt(6);
            for (int d = 0; d < donors; d++) {
                basis.add(donor(
                        "D" + d,
                        BigDecimal.valueOf(random.nextInt(10_000_000) + 1, 2).toPlainString()));
            }
            BigDecimal total = BigDecimal.valueOf(random.nextLong(10_000_000_000L), 2);

            List<DonorAmount> parts = DonorSplit.apportion(new Money(total, "USD"), basis);

            assertThat(amounts(parts).stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(total);
            BigDecimal weights = basis.stream().map(b -> b.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int d = 0; d < donors; d++) {
                BigDecimal exact =
                        total.multiply(basis.get(d).amount().amount()).divide(weights, 10, RoundingMode.HALF_EVEN);
                assertThat(parts.get(d).amount().amount().subtract(exact).abs())
                        .as("run %d donor %d", run, d)
                        .isLessThan(new BigDecimal("0.01"));
                assertThat(parts.get(d).donorId()).isEqualTo(basis.get(d).donorId());
            }
        }
    }

    @Test
    void nothing_to_split_between_no_donors() {
        assertThat(DonorSplit.apportion(new Money(BigDecimal.TEN, "USD"), List.of()))
                .isEmpty();
    }
}
