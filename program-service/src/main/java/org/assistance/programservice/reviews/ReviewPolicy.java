package org.assistance.programservice.reviews;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How requests for one State are reviewed: whether approving them waits for the State's
 * endorsement. A State whose policy was never set does not wait.
 */
@Entity
@Table(name = "review_policies")
public class ReviewPolicy extends PanacheEntityBase {
    @Id
    public String country;

    @Column(name = "review_waits_for_endorsement")
    public boolean reviewWaitsForEndorsement;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public OffsetDateTime setAt;

    /** The State's policy; for a State never set, the default (not waiting), not stored. */
    static ReviewPolicy of(String country) {
        ReviewPolicy policy = ReviewPolicy.findById(country);
        if (policy != null) {
            return policy;
        }
        ReviewPolicy unset = new ReviewPolicy();
        unset.country = country;
        unset.reviewWaitsForEndorsement = false;
        return unset;
    }

    /** The policies of these States, each State's default where never set. */
    static Map<String, ReviewPolicy> ofCountries(Collection<String> countries) {
        Map<String, ReviewPolicy> policies = new HashMap<>();
        if (!countries.isEmpty()) {
            ReviewPolicy.<ReviewPolicy>find("country in ?1", countries).list().forEach(p -> policies.put(p.country, p));
        }
        for (String country : countries) {
            policies.computeIfAbsent(country, c -> {
                ReviewPolicy unset = new ReviewPolicy();
                unset.country = c;
                return unset;
            });
        }
        return policies;
    }
}
