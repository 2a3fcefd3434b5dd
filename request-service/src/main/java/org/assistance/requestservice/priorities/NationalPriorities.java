package org.assistance.requestservice.priorities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.requestservice.requests.StatedPriorities;

/**
 * The national priorities of every State. A State's focal point states its own State's (an admin
 * may state them for it); each is announced (assistance.country.priority-stated.v1) in the
 * transaction that writes it, and audited (kind {@code national-priority}) in it too.
 */
@ApplicationScoped
public class NationalPriorities implements StatedPriorities {
    /** The most a State's list shows: every rank from 1 to 100, twice over. */
    static final int MAX_LISTED = 200;

    static final String AUDIT_KIND = "national-priority";

    private final Outbox outbox;
    private final AuditTrail audit;

    public NationalPriorities(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /** States a priority of the country; only its own focal point (or staff allowed by the resource) may. */
    @Transactional
    public NationalPriority state(String country, TenantScope scope, PriorityDraft draft, String actor) {
        requireCountry(country, scope);
        NationalPriority priority =
                NationalPriority.state(TimeOrderedIds.next(), country, draft, actor, OffsetDateTime.now());
        priority.persist();
        outbox.record(priority.statedEvent());
        audit.created(AUDIT_KIND, priority.id, PriorityView.of(priority));
        return priority;
    }

    /** The State's priorities by rank (1 first), the earlier stated first within a rank. */
    public List<NationalPriority> of(String country, TenantScope scope) {
        requireCountry(country, scope);
        return NationalPriority.<NationalPriority>find("country = ?1 order by rank, statedAt, id", country)
                .range(0, MAX_LISTED - 1)
                .list();
    }

    /** One of the State's priorities; another State's does not exist here. */
    public NationalPriority one(String country, UUID id, TenantScope scope) {
        requireCountry(country, scope);
        NationalPriority priority = NationalPriority.findById(id);
        if (priority == null || !priority.country.equals(country)) {
            throw DomainRuleViolation.notFound(
                    Text.of("national-priority.not-found", "id", id.toString(), "country", country));
        }
        return priority;
    }

    @Override
    public Optional<String> countryOf(UUID priorityId) {
        return NationalPriority.<NationalPriority>findByIdOptional(priorityId).map(p -> p.country);
    }

    /** Another State's focal point neither reads nor states this State's priorities. */
    private static void requireCountry(String country, TenantScope scope) {
        if (!scope.includesCountry(country)) {
            throw new DomainRuleViolation(
                    403, "forbidden", Text.of("national-priority.other-state", "country", country));
        }
    }
}
