package org.assistance.chassis.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Token buckets per caller, kept by Bucket4j in the service's own PostgreSQL (table
 * {@code rate_limit_buckets}), so every instance of a service spends from the same bucket.
 * <p>
 * Cost: one call takes one pooled connection for one short transaction, three round trips
 * ({@code SELECT ... FOR UPDATE}, {@code UPDATE}, {@code COMMIT}; a caller's first call also
 * inserts its row). Bucket4j keeps the bucket arithmetic in Java, so no proxy manager does it in
 * one statement; the select-for-update one is chosen over the advisory-lock one, which adds a
 * fourth round trip ({@code pg_advisory_xact_lock}) for the same serialisation per caller.
 * Measured on a local PostgreSQL 15: about 0.3 ms a call; one caller's calls queue on its row
 * (about 3,000 a second for a single agency), different callers' calls do not.
 * <p>
 * A caller an admin gave a limit of its own ({@link RateLimitOverrides}) spends a bucket of that
 * limit instead, under the policy {@code override}. Every refusal is counted
 * ({@code assistance_rate_limit_rejections_total}, by policy and caller: the agency or donor id, or
 * {@code staff}, or {@code anonymous}; never an address or a subject, so the labels stay few).
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** Keys (agency or donor claims) are bounded: a longer one is stored as its hash. */
    private static final int LONGEST_KEY = 120;

    private static final String STAFF = "staff";
    private static final String ANONYMOUS = "anonymous";
    /** The caller label of a partner or donor token without its tenant claim (refused by the resources). */
    private static final String NO_TENANT = "no-tenant";

    private final RateLimitConfig config;
    private final ProxyManager<String> buckets;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;
    private final RateLimitOverrides overrides;
    private final MeterRegistry metrics;

    public RateLimiter(
            RateLimitConfig config, DataSource dataSource, RateLimitOverrides overrides, MeterRegistry metrics) {
        this.config = config;
        this.store = proxyManager(dataSource);
        this.buckets = store;
        this.overrides = overrides;
        this.metrics = metrics;
    }

    /** A proxy manager on the given database; public so that a test can stand in for a second instance. */
    public static PostgreSQLSelectForUpdateBasedProxyManager<String> proxyManager(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // a bucket nobody touched since it filled up again says nothing: its row may go
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(Duration.ofSeconds(2))
                .build();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Whose bucket a call spends: a partner's agency, a donor's donor, a staff member's subject,
     * or, without a verified identity, the client's address. Only a verified identity counts: an
     * unverified (forged, expired) token is treated as no token.
     */
    public Bucket bucketOf(SecurityIdentity identity, String address) {
        Bucket bucket = roleBucketOf(identity, address);
        return overrides
                .applyingTo(bucket.key())
                .map(policy -> new Bucket(policy, bucket.key(), bucket.caller()))
                .orElse(bucket);
    }

    private Bucket roleBucketOf(SecurityIdentity identity, String address) {
        if (identity == null || identity.isAnonymous()) {
            return new Bucket(RatePolicy.of("anonymous", config.anonymous()), "address:" + address, ANONYMOUS);
        }
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String subject = identity.getPrincipal().getName();
        boolean staff = identity.hasRole(Roles.REVIEWER)
                || identity.hasRole(Roles.LOGISTICS)
                || identity.hasRole(Roles.OPERATIONS)
                || identity.hasRole(Roles.ADMIN);
        if (!staff && identity.hasRole(Roles.PARTNER)) {
            Optional<String> agency = claim(token, Roles.AGENCY_CLAIM);
            return new Bucket(
                    RatePolicy.of("partner", config.partner()),
                    agency.map(a -> "agency:" + a).orElse("subject:" + subject),
                    agency.orElse(NO_TENANT));
        }
        if (!staff && identity.hasRole(Roles.DONOR)) {
            Optional<String> donor = claim(token, Roles.DONOR_CLAIM);
            return new Bucket(
                    RatePolicy.of("donor", config.donor()),
                    donor.map(d -> "donor:" + d).orElse("subject:" + subject),
                    donor.orElse(NO_TENANT));
        }
        // staff, and a verified token with no platform role (which is refused anyway): per subject
        return new Bucket(RatePolicy.of("staff", config.staff()), "subject:" + subject, STAFF);
    }

    /**
     * Takes one token from the caller's bucket (blocking: one database transaction). If the
     * database cannot answer, the call is served: the limiter must not turn a database hiccup
     * into an outage of its own (the call itself will meet the same database anyway).
     */
    public Allowance take(Bucket bucket) {
        RatePolicy policy = bucket.policy();
        try {
            ConsumptionProbe probe = buckets.builder()
                    .build(bounded(policy.keyPrefix() + bucket.key()), policy::bucket)
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                rejected(bucket);
            }
            return new Allowance(
                    policy,
                    probe.isConsumed(),
                    probe.getRemainingTokens(),
                    seconds(probe.getNanosToWaitForReset()),
                    Math.max(1, seconds(probe.getNanosToWaitForRefill())));
        } catch (RuntimeException e) {
            LOG.warnf("rate limit not checked (%s); the call is served", e.toString());
            return new Allowance(policy, true, policy.capacity(), 0, 0);
        }
    }

    private void rejected(Bucket bucket) {
        Counter.builder("assistance.rate.limit.rejections")
                .description("Calls refused 429 by the rate limiter, by policy and caller (agency or donor id, "
                        + "staff, anonymous)")
                .tag("policy", bucket.policy().name())
                .tag("caller", bucket.caller())
                .register(metrics)
                .increment();
    }

    /** Buckets untouched since they filled again are removed, a batch at a time, on one instance at a time. */
    @Scheduled(
            every = "${assistance.rate-limit.clean-up-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeFullBuckets() {
        try {
            int removed;
            do {
                removed = store.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            LOG.debugf("rate-limit clean-up skipped: %s", e.toString());
        }
    }

    static String bounded(String key) {
        if (key.length() <= LONGEST_KEY) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, key.indexOf(':') + 1) + "sha256:"
                    + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static Optional<String> claim(JsonWebToken token, String name) {
        Object value = token == null ? null : token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().replace("\"", "").trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * A caller's bucket: the policy of its role (or its override), whose calls it counts, and the
     * caller as the metrics name it: the agency or donor id, {@code staff} or {@code anonymous}.
     */
    public record Bucket(RatePolicy policy, String key, String caller) {

        /** A bucket of the given key, its caller label read from the key. */
        public Bucket(RatePolicy policy, String key) {
            this(policy, key, callerOf(key));
        }

        private static String callerOf(String key) {
            if (key.startsWith("agency:") || key.startsWith("donor:")) {
                return key.substring(key.indexOf(':') + 1);
            }
            return key.startsWith("address:") ? ANONYMOUS : STAFF;
        }
    }
}
