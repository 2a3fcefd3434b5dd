package org.assistance.equipmentservice.shipments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request's priority as request-service last published it (submitted or amended): stock that
 * arrives goes to the most urgent backorders first. An approval may arrive before it (another
 * topic): until then a request counts as MEDIUM.
 */
@Entity
@Table(name = "request_priorities")
public class RequestPriority extends PanacheEntityBase {
    /** request-service's priorities, lowest first. */
    @Schema(name = "RequestPriority")
    public enum Level {
        LOW,
        MEDIUM,
        HIGH,
        URGENT;

        static Level named(String name) {
            return Arrays.stream(values())
                    .filter(l -> l.name().equals(name))
                    .findFirst()
                    .orElse(MEDIUM);
        }
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    public Level priority;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /**
     * Keeps the request's priority as last published, and its open backorders follow it, in one
     * statement (an upsert whose result the backorders' update runs beside).
     */
    static void learnt(UUID requestId, Level level, OffsetDateTime at) {
        getEntityManager()
                .createNativeQuery("""
                        with learnt as (
                            insert into request_priorities (request_id, priority, updated_at) values (?1, ?2, ?3)
                            on conflict (request_id) do update set priority = excluded.priority, updated_at = excluded.updated_at)
                        update backorders set priority = ?2, updated_at = ?3 where request_id = ?1 and status = 'OPEN'""")
                .setParameter(1, requestId)
                .setParameter(2, level.name())
                .setParameter(3, at)
                .executeUpdate();
    }

    static Level of(UUID requestId) {
        RequestPriority known = findById(requestId);
        return known == null ? Level.MEDIUM : known.priority;
    }
}
