package org.assistance.topology.tokens;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Tokens of the local platform's identity provider, as {@code deploy/local/platform token} prints
 * them and the demo traffic and the bench use them: signed by the state folder's signing key.
 */
public final class LocalTokens {
    private final SigningKeys keys;

    private LocalTokens(SigningKeys keys) {
        this.keys = keys;
    }

    /** The tokens of the platform whose launcher state folder is {@code state}. */
    public static LocalTokens ofState(Path state) {
        return new LocalTokens(SigningKeys.ofState(state));
    }

    /**
     * A token for a role, carrying the agency, donor and country claims given (a partner needs its
     * agency, a donor its donor, a focal point its country); {@code subject} null for {@code
     * ROLE-USER}. Refuses what the services would refuse.
     */
    public String issue(String role, String agency, String donor, String country, String subject, Duration lifetime) {
        if (!TokenRules.ROLES.contains(role)) {
            throw new IllegalArgumentException(
                    "unknown role '" + role + "' (" + String.join(" ", TokenRules.ROLES) + ")");
        }
        String needed = TokenRules.tenantClaim(role).orElse(null);
        String tenant = switch (needed == null ? "" : needed) {
            case "agency" -> agency;
            case "donor" -> donor;
            case "country" -> country;
            default -> "none needed";
        };
        if (isEmpty(tenant)) {
            throw new IllegalArgumentException(
                    "a " + role + " token needs --" + needed + ("country".equals(needed) ? " CODE" : " ID"));
        }
        if (!isEmpty(country) && !TokenRules.isCountry(country)) {
            throw new IllegalArgumentException(
                    "'" + country + "' is not a country code the services accept (two capital letters, ISO 3166-1)");
        }
        long hours = TokenRules.LOCAL_MAXIMUM_LIFETIME.toHours();
        if (lifetime.compareTo(Duration.ofHours(1)) < 0 || lifetime.compareTo(TokenRules.LOCAL_MAXIMUM_LIFETIME) > 0) {
            throw new IllegalArgumentException(
                    "--hours takes 1 to " + hours + " (the services refuse a token that lives longer)");
        }
        String who = isEmpty(subject) ? role + "-" + System.getProperty("user.name") : subject;
        for (String id : new String[] {agency, donor, who}) {
            if (!isEmpty(id) && !TokenRules.isIdentifier(id)) {
                throw new IllegalArgumentException(
                        "'" + id + "' is not an identifier the services accept (1-100 letters, digits, . _ - @ : | +)");
            }
        }
        Token token = Token.of(TokenRules.LOCAL_ISSUER, role, who).lifetime(lifetime);
        if (!isEmpty(agency)) {
            token.claim("agency", agency);
        }
        if (!isEmpty(donor)) {
            token.claim("donor", donor);
        }
        if (!isEmpty(country)) {
            token.claim("country", country);
        }
        return token.signedWith(keys.signing());
    }

    /** A token without a country claim. */
    public String issue(String role, String agency, String donor, String subject, Duration lifetime) {
        return issue(role, agency, donor, null, subject, lifetime);
    }

    /** A token of {@link TokenRules#LIFETIME}. */
    public String issue(String role, String agency, String donor, String subject) {
        return issue(role, agency, donor, null, subject, TokenRules.LIFETIME);
    }

    /** A State's national focal point's token, of {@link TokenRules#LIFETIME}. */
    public String focalPoint(String country, String subject) {
        return issue("focal-point", null, null, country, subject, TokenRules.LIFETIME);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
