package org.assistance.topology.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A JWT as the platform's identity providers issue it: issuer, the platform's audience, a subject
 * (also the upn), one role in {@code groups}, issued now for {@link TokenRules#LIFETIME}, a unique
 * {@code jti}; signed RS256 under the signing key's kid.
 */
public final class Token {
    private final Map<String, Object> claims = new LinkedHashMap<>();

    private Token(String issuer, String role, String subject) {
        Instant now = Instant.now();
        claims.put("iss", issuer);
        claims.put("aud", TokenRules.AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(TokenRules.LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
    }

    /** A token of one role for {@code subject}. */
    public static Token of(String issuer, String role, String subject) {
        return new Token(issuer, role, subject);
    }

    /** A token of one role for a made-up subject ({@code ROLE-} and 8 random characters). */
    public static Token of(String issuer, String role) {
        return new Token(issuer, role, role + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public Token subject(String subject) {
        claims.put("sub", subject);
        claims.put("upn", subject);
        return this;
    }

    public Token audience(String audience) {
        claims.put("aud", audience);
        return this;
    }

    public Token issuedAt(Instant issued) {
        claims.put("iat", issued.getEpochSecond());
        return this;
    }

    public Token expiresAt(Instant expiry) {
        claims.put("exp", expiry.getEpochSecond());
        return this;
    }

    /** Expires {@code lifetime} after it was issued. */
    public Token lifetime(Duration lifetime) {
        claims.put("exp", (Long) claims.get("iat") + lifetime.toSeconds());
        return this;
    }

    /** A claim of the platform's own, e.g. {@code agency} or {@code donor}. */
    public Token claim(String name, String value) {
        claims.put(name, value);
        return this;
    }

    public String signedWith(SigningKey key) {
        return signedWith(key.kid(), key.privateKey());
    }

    /** Signed with {@code key}, its header naming {@code kid} (which need not be the key's own). */
    public String signedWith(String kid, PrivateKey key) {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + json(kid) + "}";
        String unsigned = base64url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64url.encodeToString(payload().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + base64url.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims as JSON. */
    public String payload() {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, Object> claim : claims.entrySet()) {
            json.append(json.length() == 1 ? "" : ",")
                    .append(json(claim.getKey()))
                    .append(':')
                    .append(value(claim.getValue()));
        }
        return json.append('}').toString();
    }

    private static String value(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return "["
                    + String.join(
                            ",",
                            list.stream().map(item -> json(item.toString())).toList()) + "]";
        }
        return json(value.toString());
    }

    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
