package org.assistance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.assistance.chassis.events.DonorSplit;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.Money;

/**
 * Credits every amount of a request to its donors exactly once: the parts of an amount always add
 * up to it. A commitment is split as its event says (a first-version event without a split: the
 * programme's donors equally); an activity's cost as its event says, else like the commitment;
 * equipment delivered like the commitment. Computed from all of a request's money facts at once,
 * so the result does not depend on the order they arrived in: an amount whose basis is not known
 * yet (equipment delivered before the commitment arrived) stays {@link #UNATTRIBUTED} until it is.
 */
final class DonorAttribution {
    static final String UNATTRIBUTED = "(unattributed)";

    private DonorAttribution() {}

    /** Each money fact's parts by donor, keyed by its event id. */
    static Map<UUID, List<DonorAmount>> of(List<MoneyFacts> facts, List<DonorShare> approvalDonors) {
        List<MoneyFacts> ordered = facts.stream()
                .sorted(Comparator.comparing(
                                (MoneyFacts m) -> m.occurredAt,
                                Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()))
                        .thenComparing(m -> m.eventId))
                .toList();
        Map<UUID, List<DonorAmount>> parts = new LinkedHashMap<>();
        Map<String, DonorAmount> committed = new TreeMap<>();
        for (MoneyFacts commitment : ordered) {
            if (!MoneyFacts.COMMITTED.equals(commitment.kind)) {
                continue;
            }
            List<DonorAmount> split = hasSplit(commitment)
                    ? commitment.split
                    : equally(money(commitment), commitment.donors.isEmpty() ? approvalDonors : commitment.donors);
            parts.put(commitment.eventId, split);
            for (DonorAmount part : split) {
                committed.merge(
                        part.donorId(),
                        part,
                        (a, b) -> new DonorAmount(
                                a.donorId(),
                                a.name(),
                                a.iatiIdentifier(),
                                new Money(
                                        a.amount().amount().add(b.amount().amount()),
                                        a.amount().currency())));
            }
        }
        committed.remove(UNATTRIBUTED);
        List<DonorAmount> basis = committed.values().stream()
                .filter(d -> d.amount().amount().signum() > 0)
                .toList();
        for (MoneyFacts spending : ordered) {
            if (MoneyFacts.COMMITTED.equals(spending.kind)) {
                continue;
            }
            List<DonorAmount> split;
            if (MoneyFacts.DISBURSED.equals(spending.kind) && hasSplit(spending)) {
                split = spending.split;
            } else if (!basis.isEmpty()) {
                split = DonorSplit.apportion(money(spending), basis);
            } else if (MoneyFacts.DISBURSED.equals(spending.kind)) {
                split = equally(money(spending), approvalDonors); // a first-version activity: the donors equally
            } else {
                split = unattributed(money(spending));
            }
            parts.put(spending.eventId, split);
        }
        return parts;
    }

    private static boolean hasSplit(MoneyFacts facts) {
        return facts.split != null && !facts.split.isEmpty();
    }

    private static List<DonorAmount> equally(Money total, List<DonorShare> donors) {
        if (donors == null || donors.isEmpty()) {
            return unattributed(total);
        }
        List<DonorAmount> weights = new ArrayList<>();
        donors.stream()
                .sorted(Comparator.comparing(DonorShare::donorId))
                .distinct()
                .forEach(d -> weights.add(new DonorAmount(
                        d.donorId(), d.name(), d.iatiIdentifier(), new Money(BigDecimal.ONE, total.currency()))));
        return DonorSplit.apportion(total, weights);
    }

    private static List<DonorAmount> unattributed(Money total) {
        return List.of(new DonorAmount(UNATTRIBUTED, "Not attributed yet", null, total));
    }

    private static Money money(MoneyFacts facts) {
        return new Money(facts.amount, facts.currency.trim());
    }
}
