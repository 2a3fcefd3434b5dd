package org.assistance.chassis.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.Money;

/**
 * Apportions an amount between donors in the proportions of a basis (their contributions, or a
 * commitment's split), to the cent, so that the parts always add up to the amount: each donor
 * gets its share rounded down and the cents left over go to the largest remainders (ties to the
 * earlier donor). One implementation for every service, so a donor's figure is the same wherever
 * it is computed.
 */
public final class DonorSplit {
    private DonorSplit() {}

    public static List<DonorAmount> apportion(Money total, List<DonorAmount> basis) {
        if (basis == null || basis.isEmpty()) {
            return List.of();
        }
        int scale = Math.max(2, total.amount().scale());
        BigDecimal weightSum = basis.stream().map(d -> d.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weightSum.signum() <= 0) {
            throw new IllegalArgumentException("a split needs a positive basis");
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        List<BigDecimal> floors = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (DonorAmount donor : basis) {
            BigDecimal exact =
                    total.amount().multiply(donor.amount().amount()).divide(weightSum, scale + 10, RoundingMode.DOWN);
            BigDecimal floor = exact.setScale(scale, RoundingMode.DOWN);
            floors.add(floor);
            remainders.add(exact.subtract(floor));
            allocated = allocated.add(floor);
        }
        int cents = total.amount()
                .setScale(scale, RoundingMode.UNNECESSARY)
                .subtract(allocated)
                .movePointRight(scale)
                .intValueExact();
        List<Integer> order = IntStream.range(0, basis.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders.get(i))
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int k = 0; k < cents; k++) {
            int i = order.get(k % order.size());
            floors.set(i, floors.get(i).add(unit));
        }
        List<DonorAmount> parts = new ArrayList<>();
        for (int i = 0; i < basis.size(); i++) {
            DonorAmount donor = basis.get(i);
            parts.add(new DonorAmount(
                    donor.donorId(), donor.name(), donor.iatiIdentifier(), new Money(floors.get(i), total.currency())));
        }
        return parts;
    }
}
