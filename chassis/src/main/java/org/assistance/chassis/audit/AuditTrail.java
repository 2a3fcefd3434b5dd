package org.assistance.chassis.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TreeSet;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.assistance.chassis.tracing.EventTracing;

/**
 * Records who changed what, when, and the before and after, in the transaction of the change
 * itself: the entry commits with the change or not at all. Call it from the domain, where the
 * change is made, with views (records, maps) of the thing before and after, never entities: what
 * is written is what a reader of the trail should see, so leave out secrets (a webhook's secret,
 * a token) from the views.
 */
@ApplicationScoped
public class AuditTrail {
    /** The actor of changes made by the platform itself (a scheduled job, an event handler). */
    public static final String SYSTEM = "system";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public AuditTrail(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Something new: {@code after} is what was created. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(String kind, Object subject, Object after) {
        record(kind, subject, "created", null, after);
    }

    /** Something changed: both states, so a reader sees exactly what moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String kind, Object subject, Object before, Object after) {
        record(kind, subject, "changed", before, after);
    }

    /** Something removed (or retired): {@code before} is what it was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(String kind, Object subject, Object before) {
        record(kind, subject, "removed", before, null);
    }

    /**
     * Any other action in the domain's words ({@code replayed}, {@code discarded},
     * {@code committed}...), with what it changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String kind, Object subject, String action, Object before, Object after) {
        Actor actor = Actor.current();
        entityManager
                .createNativeQuery("""
                        insert into audit_entries
                            (id, recorded_at, actor, actor_roles, kind, subject, action, before, after, trace_id)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), cast(?9 as jsonb), ?10)
                        """)
                .setParameter(1, TimeOrderedIds.next())
                .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(3, bounded(actor.name(), 200))
                .setParameter(4, bounded(actor.roles(), 200))
                .setParameter(5, kind)
                .setParameter(6, bounded(String.valueOf(subject), 200))
                .setParameter(7, action)
                .setParameter(8, asJson(before))
                .setParameter(9, asJson(after))
                .setParameter(10, EventTracing.current().traceId())
                .executeUpdate();
    }

    private String asJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an audit view cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static String bounded(String value, int length) {
        return value.length() > length ? value.substring(0, length) : value;
    }

    /** Who is acting: the verified caller of the current API request, else the platform itself. */
    record Actor(String name, String roles) {
        static Actor current() {
            if (Arc.container() != null && Arc.container().requestContext().isActive()) {
                try (InstanceHandle<SecurityIdentity> handle = Arc.container().instance(SecurityIdentity.class)) {
                    SecurityIdentity identity = handle.isAvailable() ? handle.get() : null;
                    if (identity != null && !identity.isAnonymous()) {
                        return new Actor(
                                identity.getPrincipal().getName(),
                                String.join(",", new TreeSet<>(identity.getRoles())));
                    }
                }
            }
            return new Actor(SYSTEM, "");
        }
    }
}
