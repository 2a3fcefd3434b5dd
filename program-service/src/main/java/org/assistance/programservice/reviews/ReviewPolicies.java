package org.assistance.programservice.reviews;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;

/** Each State's review policy, as admins set it: whether approving its requests waits for its endorsement. */
@ApplicationScoped
public class ReviewPolicies {
    static final String AUDIT_KIND = "review-policy";

    private final EntityManager entityManager;
    private final AuditTrail audit;

    public ReviewPolicies(EntityManager entityManager, AuditTrail audit) {
        this.entityManager = entityManager;
        this.audit = audit;
    }

    /**
     * The State's policy, for a caller who may read it (staff, or the State's own focal point); the
     * default (not waiting) for a State never set.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewPolicy of(String country, TenantScope scope) {
        if (!scope.includesCountry(country)) {
            throw new DomainRuleViolation(403, "forbidden", Text.of("review-policy.other-state"));
        }
        return ReviewPolicy.of(country);
    }

    /**
     * Sets the State's policy. One statement, so two admins setting a State's first policy at once
     * both succeed (the later one stands) rather than one failing on the other's row. It applies to
     * approvals from now on: a request already approved stays approved.
     */
    @Transactional
    public ReviewPolicy set(String country, boolean waitsForEndorsement, String admin) {
        ReviewPolicy stored = ReviewPolicy.findById(country);
        ReviewPolicyView before = stored == null ? null : ReviewPolicyView.of(stored);
        if (stored != null) {
            // the statement below bypasses the persistence context: the policy is read afresh after it
            entityManager.detach(stored);
        }
        entityManager
                .createNativeQuery("""
                        insert into review_policies (country, review_waits_for_endorsement, set_by, set_at)
                        values (?1, ?2, ?3, ?4)
                        on conflict (country) do update set
                            review_waits_for_endorsement = excluded.review_waits_for_endorsement,
                            set_by = excluded.set_by,
                            set_at = excluded.set_at""")
                .setParameter(1, country)
                .setParameter(2, waitsForEndorsement)
                .setParameter(3, admin.length() <= 200 ? admin : admin.substring(0, 199) + "…")
                .setParameter(4, OffsetDateTime.now())
                .executeUpdate();
        ReviewPolicy policy = ReviewPolicy.findById(country);
        if (before == null) {
            audit.created(AUDIT_KIND, country, ReviewPolicyView.of(policy));
        } else {
            audit.changed(AUDIT_KIND, country, before, ReviewPolicyView.of(policy));
        }
        return policy;
    }
}
