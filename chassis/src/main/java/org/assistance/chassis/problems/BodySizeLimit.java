package org.assistance.chassis.problems;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than the limit with 413 as problem+json before it is read (the HTTP
 * layer's own 413 has no body). Chunked bodies without a length still meet the HTTP layer's limit.
 */
@ApplicationScoped
public class BodySizeLimit {
    private final long limit;

    public BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    String length = context.request().getHeader("Content-Length");
                    if (length != null && tooLong(length)) {
                        String body = "{\"type\":\"" + Problem.TYPE_BASE
                                + "payload-too-large\",\"title\":\"Payload too large\","
                                + "\"status\":413,\"detail\":\"The body is larger than " + limit
                                + " bytes\",\"instance\":\""
                                + context.request().path().replace("\"", "") + "\"}";
                        context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE);
                        // HTTP/1.1: the unread body would be taken for the next request, so the
                        // connection closes. HTTP/2 forbids connection headers (RFC 9113 8.2.2; Java 25's
                        // client refuses such an answer as malformed): only this stream ends there
                        if (context.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
                            context.response().putHeader("Connection", "close");
                        }
                        context.response().end(body);
                        return;
                    }
                    context.next();
                },
                1000);
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
