package org.assistance.chassis.ratelimit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;
import org.jboss.logging.Logger;

/**
 * Admins' overrides of one caller's limit (table {@code rate_limit_overrides}), and the copy of
 * them the limiter reads on every call. The copy is read again from the database every few
 * seconds ({@code assistance.rate-limit.overrides-refresh-every}), so every instance of the service
 * applies the same overrides within that time, without a query per call; the instance that made
 * a change applies it at once. An override past its expiry is ignored from that moment.
 */
@ApplicationScoped
public class RateLimitOverrides {
    private static final Logger LOG = Logger.getLogger(RateLimitOverrides.class);
    /** The policy name an overridden caller's calls carry in {@code RateLimit-Policy} and the metrics. */
    public static final String POLICY = "override";
    /** A bucket's key as the limiter names it; the id as TokenClaims accepts a claim or subject. */
    public static final String CALLER = "^(agency|donor|subject):[A-Za-z0-9][A-Za-z0-9._@:|+-]{0,99}$";

    public static final int LONGEST_CALLER = 108;
    public static final int LONGEST_REASON = 500;
    static final String AUDIT_KIND = "rate-limit-override";
    private static final String COLUMNS = "caller, capacity, per_second, reason, set_by, set_at, expires_at";

    private final EntityManager entityManager;
    private final AuditTrail audit;
    private volatile Map<String, RateLimitOverride> current = Map.of();

    public RateLimitOverrides(EntityManager entityManager, AuditTrail audit) {
        this.entityManager = entityManager;
        this.audit = audit;
    }

    /** The override that applies to this bucket key now, if any (from the copy: no database call). */
    Optional<RatePolicy> applyingTo(String caller) {
        RateLimitOverride override = current.get(caller);
        return override != null && override.appliesAt(now()) ? Optional.of(override.policy()) : Optional.empty();
    }

    /** Every override, expired ones included, by caller. */
    public List<RateLimitOverride> all() {
        return QuarkusTransaction.joiningExisting().call(this::read);
    }

    /** An override as it was stored, and whether the caller had none before. */
    public record Stored(RateLimitOverride override, boolean created) {}

    /**
     * Sets a caller's limit (a new override, or a change of its own), audited in the same
     * transaction; a new one only while fewer than {@code most} callers have one.
     */
    public Stored set(RateLimitOverride override, int most) {
        Stored stored = QuarkusTransaction.requiringNew().call(() -> {
            // two admins setting a new caller's override at once: one after the other, so the second
            // is audited as a change of the first, not as a second creation
            entityManager
                    .createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) locked")
                    .setParameter(1, "rate-limit-override:" + override.caller())
                    .getSingleResult();
            Optional<RateLimitOverride> before = find(override.caller(), true);
            if (before.isEmpty()
                    && ((Number) entityManager
                                            .createNativeQuery("select count(*) from rate_limit_overrides")
                                            .getSingleResult())
                                    .intValue()
                            >= most) {
                throw DomainRuleViolation.conflict(Text.of("rate-limits.too-many", "max", most));
            }
            entityManager
                    .createNativeQuery("insert into rate_limit_overrides (" + COLUMNS + ")"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as timestamptz)) on conflict (caller) do update set"
                            + " capacity = excluded.capacity, per_second = excluded.per_second,"
                            + " reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at,"
                            + " expires_at = excluded.expires_at")
                    .setParameter(1, override.caller())
                    .setParameter(2, override.capacity())
                    .setParameter(3, override.perSecond())
                    .setParameter(4, override.reason())
                    .setParameter(5, override.setBy())
                    .setParameter(6, override.setAt())
                    .setParameter(7, override.expiresAt())
                    .executeUpdate();
            RateLimitOverride after = find(override.caller(), false).orElseThrow();
            if (before.isPresent()) {
                audit.changed(AUDIT_KIND, override.caller(), before.get(), after);
            } else {
                audit.created(AUDIT_KIND, override.caller(), after);
            }
            return new Stored(after, before.isEmpty());
        });
        refresh();
        return stored;
    }

    /** Removes a caller's override: its role's limit applies again. Audited in the same transaction. */
    public void remove(String caller) {
        QuarkusTransaction.requiringNew().run(() -> {
            RateLimitOverride before = find(caller, true)
                    .orElseThrow(
                            () -> DomainRuleViolation.notFound(Text.of("rate-limits.not-found", "caller", caller)));
            entityManager
                    .createNativeQuery("delete from rate_limit_overrides where caller = ?1")
                    .setParameter(1, caller)
                    .executeUpdate();
            audit.removed(AUDIT_KIND, caller, before);
        });
        refresh();
    }

    /** Reads the overrides again; until the table answers, the last copy stays in use. */
    @Scheduled(
            every = "${assistance.rate-limit.overrides-refresh-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            current = QuarkusTransaction.requiringNew().call(this::read).stream()
                    .collect(Collectors.toUnmodifiableMap(RateLimitOverride::caller, Function.identity()));
        } catch (RuntimeException e) {
            // e.g. before the chassis' migrations ran, or the database briefly away
            LOG.debugf("rate-limit overrides not read again (the last ones stay in use): %s", e.toString());
        }
    }

    private List<RateLimitOverride> read() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select " + COLUMNS + " from rate_limit_overrides order by caller")
                .getResultList();
        return rows.stream().map(RateLimitOverrides::override).toList();
    }

    private Optional<RateLimitOverride> find(String caller, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select " + COLUMNS + " from rate_limit_overrides where caller = ?1"
                        + (lock ? " for update" : ""))
                .setParameter(1, caller)
                .getResultList();
        return rows.stream().findFirst().map(RateLimitOverrides::override);
    }

    private static RateLimitOverride override(Object[] row) {
        return new RateLimitOverride(
                (String) row[0],
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                (String) row[3],
                (String) row[4],
                moment(row[5]),
                moment(row[6]));
    }

    private static OffsetDateTime moment(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime moment) {
            return moment.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("a moment read as " + value.getClass());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
