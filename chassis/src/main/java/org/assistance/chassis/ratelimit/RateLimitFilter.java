package org.assistance.chassis.ratelimit;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every call to {@code /api/...} spends a token of its caller's bucket ({@link RateLimiter});
 * over the limit it is answered 429 with {@code Retry-After}, and every answer carries the
 * {@code RateLimit} and {@code RateLimit-Policy} fields (draft-ietf-httpapi-ratelimit-headers).
 * <p>
 * Pre-matching, so that it runs before the security checks: calls that end in 401 or 403 are
 * counted too (per address when the token is not valid). The caller is the verified identity
 * (proactive authentication is off, so it is awaited here), never a claim read from an
 * unverified token, which would let a forged token spend a real agency's budget.
 */
public class RateLimitFilter {
    static final String ALLOWANCE = RateLimitFilter.class.getName() + ".allowance";
    private static final String API = "/api/";

    @Inject
    RateLimiter limiter;

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!limiter.enabled() || !http.path().startsWith(API)) {
            return Uni.createFrom().nullItem();
        }
        String address = addressOf(http);
        return identities
                .getDeferredIdentity()
                // a token that does not verify counts as none; the security check answers it 401 later
                .onFailure()
                .recoverWithItem((SecurityIdentity) null)
                .map(identity -> limiter.bucketOf(identity, address))
                .chain(bucket -> BlockingOperationControl.isBlockingAllowed()
                        ? Uni.createFrom().item(limiter.take(bucket))
                        // the bucket is a database transaction: never on the event loop
                        : Uni.createFrom()
                                .item(() -> limiter.take(bucket))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .map(allowance -> {
                    request.setProperty(ALLOWANCE, allowance);
                    return allowance.served()
                            ? null
                            : tooManyRequests(
                                    allowance, http.path(), Languages.negotiate(http.getHeader("Accept-Language")));
                });
    }

    @ServerResponseFilter
    public void advertise(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ALLOWANCE) instanceof Allowance allowance) {
            response.getHeaders().putSingle("RateLimit-Policy", allowance.policyField());
            response.getHeaders().putSingle("RateLimit", allowance.rateLimitField());
        }
    }

    static Response tooManyRequests(Allowance allowance, String path, Locale language) {
        Problem problem = Problem.of(
                        language,
                        429,
                        "rate-limited",
                        Text.of(
                                "problem.rate-limited.detail",
                                "policy",
                                allowance.policy().name(),
                                "capacity",
                                String.valueOf(allowance.policy().capacity()),
                                "perSecond",
                                String.valueOf(allowance.policy().perSecond()),
                                "seconds",
                                String.valueOf(allowance.retryAfterSeconds())))
                .at(path);
        return Languages.answeredIn(Response.status(429), language)
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .header("Retry-After", allowance.retryAfterSeconds())
                .header("RateLimit-Policy", allowance.policyField())
                .header("RateLimit", allowance.rateLimitField())
                .build();
    }

    private static String addressOf(HttpServerRequest http) {
        // Quarkus puts the forwarded client address here only where quarkus.http.proxy.* trusts the proxy
        SocketAddress remote = http.remoteAddress();
        String host = remote == null ? null : remote.hostAddress();
        return host == null || host.isEmpty() ? "unknown" : host;
    }
}
