package org.assistance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.assistance.chassis.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * A live dashboard stream ends when its reader's token expires: a token taken away (or simply
 * run out) does not keep the numbers flowing to a browser; the page then asks for a new token.
 */
@QuarkusTest
class LiveStreamEndsWithTheTokenTest {

    @Inject
    Dashboard kpis;

    @Inject
    DashboardStream stream;

    /** The resource itself, with the caller the bearer check makes of a verified token (the role check is the REST layer's). */
    private DashboardResource resourceFor(Caller caller) {
        return new DashboardResource(kpis, stream, caller);
    }

    @Test
    void the_live_stream_of_an_operations_reader_ends_when_the_token_expires() {
        Instant expiry = Instant.now().plusSeconds(3);
        AssertSubscriber<LiveEvent> reader = resourceFor(readerWhoseTokenExpiresAt(expiry)).stream(null)
                .subscribe()
                .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

        // well before the first heartbeat (15 s): the stream completes, it does not fail
        reader.awaitCompletion(Duration.ofSeconds(10));
        assertThat(Instant.now()).as("not before the token expires").isAfterOrEqualTo(expiry.minusMillis(1000));
        reader.assertCompleted();
    }

    @Test
    void a_token_that_has_just_expired_gets_a_stream_that_ends_at_once() {
        AssertSubscriber<LiveEvent> reader =
                resourceFor(readerWhoseTokenExpiresAt(Instant.now().minusSeconds(5))).stream(null)
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        reader.awaitCompletion(Duration.ofSeconds(2));
        assertThat(reader.getItems()).isEmpty();
    }

    /** What the bearer check hands the resource for an operations token with this expiry. */
    private static Caller readerWhoseTokenExpiresAt(Instant expiry) {
        Map<String, Object> claims =
                Map.of("sub", "operations-dashboard", "groups", Set.of("operations"), "exp", expiry.getEpochSecond());
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return "operations-dashboard";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return (T) claims.get(claim);
            }
        };
        return new Caller(null, token);
    }
}
