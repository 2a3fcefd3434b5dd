package org.assistance.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Signed JWTs for tests, as an identity provider issues them: issuer, audience, an hour of life,
 * and a {@code kid} naming the key in the JWKS that {@link PlatformTestResource} points the service
 * under test at. Keys are generated per test JVM (nothing is committed).
 */
public final class Tokens {
    public static final String ISSUER = "https://assistance.test/issuer";
    /** The audience every service of the platform expects (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "assistance-platform";
    /** The longest life a token may have and the oldest it may be (mp.jwt.verify.token.age). */
    public static final Duration MAXIMUM_AGE = Duration.ofHours(1);

    private Tokens() {
    }

    public static String partner(String agency) {
        return sign(claims("partner").claim("agency", agency));
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
        return sign(claims(role).subject(subject).upn(subject));
    }

    public static String expired(String role) {
        Instant past = Instant.now().minusSeconds(7200);
        return sign(claims(role).issuedAt(past).expiresAt(past.plusSeconds(600)));
    }

    /** Signed by a key the services do not trust, under the kid of one they do. */
    public static String forged(String role) {
        IdentityProvider.SigningKey stranger = IdentityProvider.stranger();
        return claims(role).jws().keyId(IdentityProvider.signing().kid()).sign(stranger.privateKey());
    }

    /** Signed by a key whose kid the identity provider does not publish. */
    public static String unknownKey(String role) {
        IdentityProvider.SigningKey stranger = IdentityProvider.stranger();
        return claims(role).jws().keyId(stranger.kid()).sign(stranger.privateKey());
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

    private static String sign(JwtClaimsBuilder claims) {
        IdentityProvider.SigningKey key = IdentityProvider.signing();
        return claims.jws().keyId(key.kid()).sign(key.privateKey());
    }

    private static JwtClaimsBuilder claims(String role) {
        String subject = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresIn(MAXIMUM_AGE.toSeconds());
    }
}
