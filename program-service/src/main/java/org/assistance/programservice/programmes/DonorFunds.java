package org.assistance.programservice.programmes;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assistance.chassis.events.DonorSplit;
import org.assistance.chassis.events.Values.DonorAmount;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;

/**
 * A programme's received money by donor and by source (each earmarked contribution, and each
 * donor's unearmarked contributions), less what commitments already drew on it: where a new
 * commitment draws from. Money is attributed once: every commitment is split between donors
 * when it is made, and never more than a source has left.
 */
final class DonorFunds {
    /** One donor's part of a commitment, from an earmarked contribution or (fundingId null) the unearmarked ones. */
    record Draw(String donorId, Long fundingId, BigDecimal amount) {}

    private final String programmeCode;
    private final String currency;
    /** Oldest first. */
    private final List<Funding> contributions;

    private final Map<Long, BigDecimal> drawnByFunding = new HashMap<>();
    private final Map<String, BigDecimal> unearmarkedDrawnByDonor = new HashMap<>();

    private DonorFunds(Programme programme, List<Funding> contributions, List<CommitmentShare> shares) {
        this.programmeCode = programme.code;
        this.currency = programme.currency;
        this.contributions = contributions.stream()
                .sorted(Comparator.comparing((Funding f) -> f.valueDate)
                        .thenComparing(f -> f.recordedAt)
                        .thenComparing(f -> f.id))
                .toList();
        for (CommitmentShare share : shares) {
            if (share.fundingId == null) {
                unearmarkedDrawnByDonor.merge(share.donorId, share.amount, BigDecimal::add);
            } else {
                drawnByFunding.merge(share.fundingId, share.amount, BigDecimal::add);
            }
        }
    }

    /** Read under the programme's row lock, so that no other commitment draws meanwhile. */
    static DonorFunds of(Programme programme) {
        return new DonorFunds(
                programme,
                Funding.list("programmeCode = ?1 and kind = ?2", programme.code, Funding.Kind.CONTRIBUTION),
                CommitmentShare.list("programmeCode", programme.code));
    }

    /**
     * Where a commitment for a request of this country and thematic area draws from: all of it
     * from the oldest earmarked contribution for the request that has enough left; otherwise from
     * the unearmarked contributions, pro rata to what each donor has left of them. Refused (409)
     * when neither covers it.
     */
    List<Draw> drawsFor(Money amount, String country, String thematicArea) {
        for (Funding contribution : contributions) {
            if (contribution.isEarmarkedFor(country, thematicArea)
                    && undrawn(contribution).compareTo(amount.amount()) >= 0) {
                return List.of(new Draw(contribution.donorId, contribution.id, amount.amount()));
            }
        }
        Map<String, BigDecimal> left = unearmarkedLeftByDonor();
        BigDecimal total = left.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.amount().compareTo(total) > 0) {
            throw new DomainRuleViolation(
                    409,
                    "insufficient-funds",
                    Text.of(
                            "funds.insufficient-unearmarked",
                            "programme",
                            programmeCode,
                            "available",
                            total.toPlainString(),
                            "currency",
                            currency,
                            "country",
                            country,
                            "area",
                            thematicArea,
                            "amount",
                            amount.amount().toPlainString()));
        }
        List<DonorAmount> basis = left.entrySet().stream()
                .filter(e -> e.getValue().signum() > 0)
                .map(e -> new DonorAmount(e.getKey(), null, null, new Money(e.getValue(), currency)))
                .toList();
        List<Draw> draws = DonorSplit.apportion(amount, basis).stream()
                .filter(part -> part.amount().amount().signum() > 0)
                .map(part -> new Draw(part.donorId(), null, part.amount().amount()))
                .toList();
        for (Draw draw : draws) {
            // apportioning at most what is left never gives a donor more than it has left; kept as a guard
            if (draw.amount().compareTo(left.get(draw.donorId())) > 0) {
                throw new IllegalStateException("Donor " + draw.donorId() + " would be drawn beyond its funds");
            }
        }
        return draws;
    }

    private BigDecimal undrawn(Funding contribution) {
        return contribution.amount.subtract(drawnByFunding.getOrDefault(contribution.id, BigDecimal.ZERO));
    }

    /** Each donor's unearmarked contributions less what commitments drew on them, by donor id. */
    private Map<String, BigDecimal> unearmarkedLeftByDonor() {
        Map<String, BigDecimal> left = new TreeMap<>();
        for (Funding contribution : contributions) {
            if (!contribution.isEarmarked()) {
                left.merge(contribution.donorId, contribution.amount, BigDecimal::add);
            }
        }
        unearmarkedDrawnByDonor.forEach((donor, drawn) -> left.merge(donor, drawn.negate(), BigDecimal::add));
        return left;
    }
}
