package org.assistance.topology.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local identity provider's keys and tokens, as the launcher, the demo and the bench use them. */
class SigningKeysTest {
    @TempDir
    Path state;

    @Test
    void a_token_is_signed_by_the_published_key_and_says_who_it_is_for() throws Exception {
        String token =
                LocalTokens.ofState(state).issue("partner", "agency-ke-dci", null, "alice", Duration.ofHours(12));
        String[] parts = token.split("\\.");
        SigningKey key = SigningKeys.ofState(state).signing();
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key.publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "signature");
        String header = decode(parts[0]);
        String claims = decode(parts[1]);
        assertTrue(header.contains("\"kid\":\"" + key.kid() + "\""), header);
        assertTrue(Files.readString(state.resolve("jwt/jwks.json")).contains("\"kid\":\"" + key.kid() + "\""));
        for (String claim : new String[] {
            "\"iss\":\"" + TokenRules.LOCAL_ISSUER + "\"",
            "\"aud\":\"assistance-platform\"",
            "\"sub\":\"alice\"",
            "\"upn\":\"alice\"",
            "\"groups\":[\"partner\"]",
            "\"agency\":\"agency-ke-dci\""
        }) {
            assertTrue(claims.contains(claim), claims + " has " + claim);
        }
        long iat = Long.parseLong(claims.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertEquals(12 * 3600, exp - iat);
        assertTrue(Math.abs(iat - Instant.now().getEpochSecond()) < 5);
    }

    @Test
    void a_token_the_services_would_refuse_is_not_made() {
        LocalTokens tokens = LocalTokens.ofState(state);
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("partner", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("donor", "agency-x", null, null));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("auditor", null, null, null));
        assertThrows(
                IllegalArgumentException.class, () -> tokens.issue("reviewer", null, null, null, Duration.ofHours(13)));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("partner", "agency x", null, null));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("focal-point", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> tokens.focalPoint("ke", null));
        assertThrows(IllegalArgumentException.class, () -> tokens.focalPoint("KEN", null));
    }

    @Test
    void a_states_focal_point_carries_its_country() {
        String claims =
                decode(LocalTokens.ofState(state).focalPoint("KE", "amina").split("\\.")[1]);
        assertTrue(claims.contains("\"groups\":[\"focal-point\"]"), claims);
        assertTrue(claims.contains("\"country\":\"KE\""), claims);
    }

    @Test
    void after_a_rotation_the_new_key_signs_and_the_old_one_stays_published_until_its_tokens_expired()
            throws Exception {
        SigningKeys keys = SigningKeys.ofState(state);
        String first = keys.signing().kid();
        SigningKeys.Rotation rotation = keys.rotate();
        assertEquals(first, rotation.previous());
        assertNotEquals(first, rotation.next());
        assertEquals(rotation.next(), SigningKeys.ofState(state).signing().kid());
        assertTrue(keys.jwks().contains(first) && keys.jwks().contains(rotation.next()));

        // retired longer ago than a token lives (plus a minute): the next rotation drops it
        long longAgo = Instant.now()
                .minus(TokenRules.LOCAL_MAXIMUM_LIFETIME)
                .minusSeconds(120)
                .getEpochSecond();
        Files.writeString(state.resolve("jwt/keys/" + first + ".retired"), longAgo + "\n");
        String third = keys.rotate().next();
        assertFalse(keys.jwks().contains(first));
        assertTrue(keys.jwks().contains(rotation.next()) && keys.jwks().contains(third));
        assertFalse(Files.exists(state.resolve("jwt/keys/" + first + ".pem")));
    }

    @Test
    void an_older_state_folders_single_key_pair_becomes_the_signing_key() throws Exception {
        SigningKey old = SigningKey.generate();
        Files.createDirectories(state.resolve("jwt"));
        Files.writeString(state.resolve("jwt/private.pem"), old.pem());
        assertEquals(old.kid(), SigningKeys.ofState(state).signing().kid());
        assertFalse(Files.exists(state.resolve("jwt/private.pem")));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
