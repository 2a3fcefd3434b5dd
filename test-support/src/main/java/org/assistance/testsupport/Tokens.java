package org.assistance.testsupport;

import java.time.Duration;
import java.time.Instant;
import org.assistance.topology.tokens.SigningKey;
import org.assistance.topology.tokens.Token;
import org.assistance.topology.tokens.TokenRules;

/**
 * Signed JWTs for tests, as an identity provider issues them: issuer, audience, an hour of life,
 * and a {@code kid} naming the key in the JWKS that {@link PlatformTestResource} points the service
 * under test at. Keys are generated per test JVM (nothing is committed). The claims and the
 * signing are deploy/topology's, as the launcher's tokens are: only the issuer differs.
 */
public final class Tokens {
    public static final String ISSUER = TokenRules.TEST_ISSUER;
    /** The audience every service of the platform expects (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = TokenRules.AUDIENCE;
    /** The longest life a token may have and the oldest it may be (mp.jwt.verify.token.age). */
    public static final Duration MAXIMUM_AGE = TokenRules.LIFETIME;

    private Tokens() {}

    public static String partner(String agency) {
        return sign(claims("partner").claim("agency", agency));
    }

    /** A State's national focal point: role focal-point with its country claim. */
    public static String focalPoint(String country) {
        return sign(claims("focal-point").claim("country", country));
    }

    public static String donor(String donor) {
        return sign(claims("donor").claim("donor", donor));
    }

    /** A token for a staff role (reviewer, logistics, operations, admin). */
    public static String role(String role) {
        return sign(claims(role));
    }

    /** A token for the given subject and role, e.g. two distinct reviewers. */
    public static String person(String subject, String role) {
        return sign(claims(role).subject(subject));
    }

    public static String expired(String role) {
        Instant past = Instant.now().minusSeconds(7200);
        return sign(claims(role).issuedAt(past).expiresAt(past.plusSeconds(600)));
    }

    /** Signed by a key the services do not trust, under the kid of one they do. */
    public static String forged(String role) {
        SigningKey stranger = IdentityProvider.stranger();
        return claims(role).signedWith(IdentityProvider.signing().kid(), stranger.privateKey());
    }

    /** Signed by a key whose kid the identity provider does not publish. */
    public static String unknownKey(String role) {
        return claims(role).signedWith(IdentityProvider.stranger());
    }

    /** A valid token issued for another application. */
    public static String forAudience(String audience, String role) {
        return sign(claims(role).audience(audience));
    }

    /** A token issued {@code age} ago that has not expired yet. */
    public static String issuedAgo(Duration age, String role) {
        Instant issued = Instant.now().minus(age);
        return sign(claims(role).issuedAt(issued).expiresAt(Instant.now().plusSeconds(600)));
    }

    /** A partner token whose agency claim is exactly the given text (tests of malformed claims). */
    public static String partnerWithClaim(String claim, String value) {
        return sign(claims("partner").claim(claim, value));
    }

    /**
     * Rotates the identity provider's keys: a new key is published in the JWKS and signs every token
     * from now on; the earlier keys stay published, so the tokens they signed stay valid. Returns the
     * new kid.
     */
    public static String rotateKeys() {
        return IdentityProvider.rotate().kid();
    }

    /** The kid of the key that signs now. */
    public static String signingKeyId() {
        return IdentityProvider.signing().kid();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The JWKS URL the services under test read their keys from. */
    public static String jwksUrl() {
        return IdentityProvider.jwksUrl();
    }

    private static String sign(Token claims) {
        return claims.signedWith(IdentityProvider.signing());
    }

    /** Issued now for {@link #MAXIMUM_AGE} to a made-up subject of the role. */
    private static Token claims(String role) {
        return Token.of(ISSUER, role);
    }
}
