package org.assistance.chassis.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Token buckets per caller, kept in the service's own PostgreSQL (unlogged table
 * {@code rate_limit_tokens}), so every instance of a service spends from the same bucket.
 * <p>
 * Cost: one autocommit statement a call ({@code rate_limit_take}, chassis migration V0_11), which
 * does the bucket's arithmetic where the row is, so a caller's row is locked only while it is
 * updated. Bucket4j's select-for-update, used before, kept it locked over three round trips from
 * the JVM: one agency's calls queued behind each other (about 3,300 a second at most in pgbench
 * from 8 connections here, against 15,600 for the one statement), and the queue grew with the
 * JVM's own load. The table is unlogged: its commits wait for no WAL flush.
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

    /** A bucket untouched this long after it was full again says nothing: its row may go. */
    private static final int KEPT_FULL_SECONDS = 10;

    private final RateLimitConfig config;
    private final DataSource database;
    private final RateLimitOverrides overrides;
    private final MeterRegistry metrics;

    public RateLimiter(
            RateLimitConfig config, DataSource database, RateLimitOverrides overrides, MeterRegistry metrics) {
        this.config = config;
        this.database = database;
        this.overrides = overrides;
        this.metrics = metrics;
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
        try (Connection connection = database.getConnection();
                PreparedStatement take =
                        connection.prepareStatement("select served, tokens from rate_limit_take(?, ?, ?)")) {
            take.setString(1, bounded(policy.keyPrefix() + bucket.key()));
            take.setDouble(2, policy.capacity());
            take.setDouble(3, policy.perSecond());
            boolean served;
            double tokens;
            try (ResultSet result = take.executeQuery()) {
                result.next();
                served = result.getBoolean(1);
                tokens = result.getDouble(2);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (!served) {
                rejected(bucket);
            }
            return new Allowance(
                    policy,
                    served,
                    (long) Math.floor(tokens),
                    seconds((policy.capacity() - tokens) / policy.perSecond()),
                    Math.max(1, seconds((1 - tokens) / policy.perSecond())));
        } catch (SQLException | RuntimeException e) {
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
        try (Connection connection = database.getConnection();
                PreparedStatement remove = connection.prepareStatement("""
                        delete from rate_limit_tokens where bucket in (
                            select bucket from rate_limit_tokens
                            where refilled_at + make_interval(secs => (capacity - tokens) / per_second + ?)
                                < clock_timestamp()
                            limit 1000)""")) {
            remove.setInt(1, KEPT_FULL_SECONDS);
            int removed;
            do {
                removed = remove.executeUpdate();
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } while (removed == 1000);
        } catch (SQLException | RuntimeException e) {
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

    /** Whole seconds, rounded up (a fraction of a second left is a second to wait). */
    private static long seconds(double seconds) {
        return Math.max(0, (long) Math.ceil(seconds - 1e-9));
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
