package org.assistance.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Signed JWTs for tests. A key pair is generated once per test JVM (nothing is committed);
 * the services under test trust its public key through {@link PlatformTestResource}.
 */
public final class Tokens {
    public static final String ISSUER = "https://assistance.test/issuer";
    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER_KEYS = generate();

    private Tokens() {
    }

    public static String partner(String agency) {
        return claims("partner").claim("agency", agency).sign(KEYS.getPrivate());
    }

    public static String donor(String donor) {
        return claims("donor").claim("donor", donor).sign(KEYS.getPrivate());
    }

    /** A token for a staff role (reviewer, logistics, operations, admin). */
    public static String role(String role) {
        return claims(role).sign(KEYS.getPrivate());
    }

    /** A token for the given subject and role, e.g. two distinct reviewers. */
    public static String person(String subject, String role) {
        return claims(role).subject(subject).upn(subject).sign(KEYS.getPrivate());
    }

    public static String expired(String role) {
        Instant past = Instant.now().minusSeconds(7200);
        return Jwt.issuer(ISSUER).subject("someone").groups(Set.of(role))
                .issuedAt(past).expiresAt(past.plusSeconds(600))
                .sign(KEYS.getPrivate());
    }

    /** Looks like a token but is signed by a key the services do not trust. */
    public static String forged(String role) {
        return claims(role).sign(STRANGER_KEYS.getPrivate());
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The public key the services under test trust, base64 (PEM body). */
    static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static JwtClaimsBuilder claims(String role) {
        String subject = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresIn(3600);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
