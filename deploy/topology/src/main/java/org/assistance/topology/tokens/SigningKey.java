package org.assistance.topology.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * An RSA key that signs tokens (RS256), named by its kid: the RFC 7638 thumbprint of its public
 * half, as identity providers commonly name them.
 */
public record SigningKey(String kid, RSAPrivateCrtKey privateKey) {

    /** A new 2048-bit key, public exponent 65537. */
    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return of((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key under its thumbprint. */
    public static SigningKey of(RSAPrivateCrtKey key) {
        return new SigningKey(thumbprint(key.getModulus(), key.getPublicExponent()), key);
    }

    /** A PKCS#8 PEM file's key ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey} writes it). */
    public static SigningKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return of((RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 PEM", e);
        }
    }

    public String pem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    public RSAPublicKey publicKey() {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Its public half as a JWK, as a JWKS publishes it. */
    public String jwk() {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + base64url(privateKey.getModulus()) + "\",\"e\":\"" + base64url(privateKey.getPublicExponent())
                + "\"}";
    }

    /** A JWKS publishing the public half of every key given. */
    public static String jwks(Iterable<SigningKey> keys) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        String separator = "";
        for (SigningKey key : keys) {
            json.append(separator).append(key.jwk());
            separator = ",";
        }
        return json.append("]}").toString();
    }

    private static String thumbprint(BigInteger modulus, BigInteger exponent) {
        String canonical =
                "{\"e\":\"" + base64url(exponent) + "\",\"kty\":\"RSA\",\"n\":\"" + base64url(modulus) + "\"}";
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unsigned big-endian, as JWK wants it. */
    static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] unsigned = new byte[bytes.length - skip];
        System.arraycopy(bytes, skip, unsigned, 0, unsigned.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}
