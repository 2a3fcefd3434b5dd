package org.assistance.chassis.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the verified token says: subject, roles and tenant (agency or donor).
 * The tenant always comes from here, never from a request body.
 */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String subject() {
        String name = token.getName();
        return name != null ? name : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** True for staff who may see every tenant's records. */
    public boolean isStaff() {
        return is(Roles.REVIEWER) || is(Roles.LOGISTICS) || is(Roles.OPERATIONS) || is(Roles.ADMIN);
    }

    /**
     * Whose records this caller may read: every tenant's for staff; its own agency's for a
     * partner and its own donor's for a donor (a token without the claim is refused). The one
     * tenant check of the platform: services pass it to their domain queries.
     */
    public TenantScope scope() {
        if (isStaff()) {
            return TenantScope.EVERY_TENANT;
        }
        String agency = is(Roles.PARTNER) ? requireAgency() : null;
        String donor = is(Roles.DONOR) ? requireDonor() : null;
        String country = is(Roles.FOCAL_POINT) ? requireCountry() : null;
        if (agency == null && donor == null && country == null) {
            // never "every tenant" by default: a caller of no known role reads nothing
            throw new ForbiddenException("no role that may read the platform's records");
        }
        return new TenantScope(agency, donor, country);
    }

    /**
     * When the caller's token expires (its {@code exp} claim); empty for a caller without a token
     * or a token without one. A stream opened with a token ends then: the client reconnects with a new one.
     */
    public Optional<Instant> expiresAt() {
        Object exp = token.getClaim(Claims.exp.name());
        // a token without the claim answers 0 here rather than nothing
        long seconds = exp instanceof Number n ? n.longValue() : exp instanceof JsonNumber j ? j.longValue() : 0;
        return seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    }

    public Optional<String> agency() {
        return claim(Roles.AGENCY_CLAIM);
    }

    public Optional<String> donor() {
        return claim(Roles.DONOR_CLAIM);
    }

    /** The State (ISO 3166-1 alpha-2) a focal point speaks for; TokenClaims refused any other form. */
    public Optional<String> country() {
        return TokenClaims.value(token, Roles.COUNTRY_CLAIM);
    }

    /** The focal point's own State; a focal-point token without one is refused. */
    public String requireCountry() {
        return country().orElseThrow(() -> new ForbiddenException("focal-point token without a country claim"));
    }

    /** True when the caller is the focal point of this State (staff are not: they speak for no State). */
    public boolean isFocalPointOf(String countryCode) {
        return is(Roles.FOCAL_POINT)
                && country().filter(c -> c.equals(countryCode)).isPresent();
    }

    /** The partner's own agency, for what it writes; a partner token without one is refused. */
    public String requireAgency() {
        return agency().orElseThrow(() -> new ForbiddenException("partner token without an agency claim"));
    }

    public String requireDonor() {
        return donor().orElseThrow(() -> new ForbiddenException("donor token without a donor claim"));
    }

    /** The claim as TokenClaims accepted it; a malformed one never reaches a resource (401). */
    private Optional<String> claim(String name) {
        Optional<String> value = TokenClaims.value(token, name);
        if (value.isPresent() && !TokenClaims.wellFormed(value.get())) {
            throw new AuthenticationFailedException("the token's " + name + " claim is not well formed");
        }
        return value;
    }
}
