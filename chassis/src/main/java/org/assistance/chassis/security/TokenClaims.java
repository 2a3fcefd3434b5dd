package org.assistance.chassis.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The identity claims the platform stores and filters by (the caller's name, agency, donor) are
 * checked when the token is accepted: each is text of 1 to 100 characters, starting with a letter or
 * a digit, then letters, digits and {@code . _ - @ : | +} only. A token with any other value is
 * refused (401) before a resource sees it, so a claim never overflows a column, never carries
 * control characters into a feed and never starts a spreadsheet formula. A {@code country} claim
 * (a focal point's State) is two capital letters, an ISO 3166-1 alpha-2 code.
 */
@ApplicationScoped
public class TokenClaims implements SecurityIdentityAugmentor {
    public static final int MAX_LENGTH = 100;
    private static final Pattern WELL_FORMED =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:|+-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Logger LOG = Logger.getLogger(TokenClaims.class);

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        try {
            check("name", token.getName());
            check(Roles.AGENCY_CLAIM, value(token, Roles.AGENCY_CLAIM).orElse(null));
            check(Roles.DONOR_CLAIM, value(token, Roles.DONOR_CLAIM).orElse(null));
            String country = value(token, Roles.COUNTRY_CLAIM).orElse(null);
            if (country != null && !COUNTRY.matcher(country).matches()) {
                throw refused(Roles.COUNTRY_CLAIM);
            }
        } catch (AuthenticationFailedException refused) {
            return Uni.createFrom().failure(refused);
        }
        return Uni.createFrom().item(identity);
    }

    /** True for a value the platform accepts as a name, agency or donor. */
    public static boolean wellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    /** The claim as text, without JSON quotes; empty when absent. A non-text claim is refused. */
    static Optional<String> value(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw refused(name);
    }

    private static void check(String name, String value) {
        if (value != null && !wellFormed(value)) {
            throw refused(name);
        }
    }

    private static AuthenticationFailedException refused(String claim) {
        // the value itself is not logged: it is the caller's input
        LOG.debugf("token refused: its %s claim is not 1-%d letters, digits or . _ - @ : | +", claim, MAX_LENGTH);
        return new AuthenticationFailedException("the token's " + claim + " claim is not well formed");
    }
}
