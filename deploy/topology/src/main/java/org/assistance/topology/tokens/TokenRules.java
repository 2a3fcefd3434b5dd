package org.assistance.topology.tokens;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a token of the platform carries and how long it lives, for every issuer: the launcher's
 * local identity provider, the demo traffic, the bench and the tests' identity provider.
 */
public final class TokenRules {
    /** The audience every service expects (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "assistance-platform";
    /** The launcher's local identity provider (deploy/local/platform token). */
    public static final String LOCAL_ISSUER = "https://assistance.local/issuer";
    /** The identity provider of the tests (test-support's Tokens). */
    public static final String TEST_ISSUER = "https://assistance.test/issuer";
    /** A token's life unless asked otherwise, and the longest the services accept by default. */
    public static final Duration LIFETIME = Duration.ofHours(1);
    /**
     * The longest life of a token of the local platform: the launcher lets its services accept
     * tokens this old, so the dashboard link `up` prints lasts a working day.
     */
    public static final Duration LOCAL_MAXIMUM_LIFETIME = Duration.ofHours(12);
    /** A retired key stays published this long after its last token expired: clocks differ a little. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** The roles, each a value of the token's {@code groups} claim. */
    public static final List<String> ROLES =
            List.of("partner", "reviewer", "logistics", "operations", "donor", "admin", "focal-point");
    /** The identifiers the services accept in sub, agency and donor: 1-100 letters, digits, . _ - @ : | + */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:|+-]{0,99}");

    private TokenRules() {}

    /** A focal point's State: ISO 3166-1 alpha-2, as the services check the {@code country} claim. */
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /**
     * The claim whose value names whose records a role sees: a partner's agency, a donor's donor, a
     * State's focal point's country.
     */
    public static Optional<String> tenantClaim(String role) {
        return switch (role) {
            case "partner" -> Optional.of("agency");
            case "donor" -> Optional.of("donor");
            case "focal-point" -> Optional.of("country");
            default -> Optional.empty();
        };
    }

    public static boolean isIdentifier(String value) {
        return IDENTIFIER.matcher(value).matches();
    }

    public static boolean isCountry(String value) {
        return COUNTRY.matcher(value).matches();
    }
}
