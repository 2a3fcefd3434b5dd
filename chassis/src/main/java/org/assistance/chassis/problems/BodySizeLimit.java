package org.assistance.chassis.problems;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.regex.Pattern;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body larger than the limit with 413 as problem+json before it is read (the HTTP
 * layer's own 413 has no body). The API's bodies have one limit ({@code assistance.http.max-body-size});
 * a document upload (POST .../documents) has its own, larger one ({@code assistance.documents.max-bytes}),
 * which the upload also counts as the body streams in. The HTTP layer's limit
 * ({@code quarkus.http.limits.max-body-size}) is only the ceiling above both: a chunked body without a
 * length meets the limit of its path, set here for the HTTP layer to count.
 */
@ApplicationScoped
public class BodySizeLimit {
    /** A document upload: the documents of a record, posted. */
    private static final Pattern DOCUMENT_UPLOAD = Pattern.compile("^/api/v\\d+/.+/documents/?$");
    /** Where the HTTP layer looks for the limit of a body without a Content-Length (Quarkus' VertxInputStream). */
    private static final String STREAMED_LIMIT = "io.quarkus.max-request-size";

    private final long limit;
    private final long documentLimit;

    public BodySizeLimit(
            @ConfigProperty(name = "assistance.http.max-body-size", defaultValue = "256K") MemorySize limit,
            @ConfigProperty(name = "assistance.documents.max-bytes", defaultValue = "20M") MemorySize documentLimit) {
        this.limit = limit.asLongValue();
        this.documentLimit = documentLimit.asLongValue();
    }

    private boolean isDocumentUpload(HttpServerRequest request) {
        return request.method() == HttpMethod.POST
                && DOCUMENT_UPLOAD.matcher(request.path()).matches();
    }

    void register(@Observes Filters filters) {
        filters.register(
                context -> {
                    String length = context.request().getHeader("Content-Length");
                    long limit = isDocumentUpload(context.request()) ? documentLimit : this.limit;
                    if (length != null && tooLong(length, limit)) {
                        Locale language = Languages.negotiate(context.request().getHeader("Accept-Language"));
                        String body = Json.encode(Problem.of(
                                        language,
                                        413,
                                        "payload-too-large",
                                        Text.of("problem.payload-too-large.detail", "bytes", String.valueOf(limit)))
                                .at(context.request().path()));
                        context.response()
                                .putHeader("Content-Language", language.toLanguageTag())
                                .putHeader("Vary", "Accept-Language");
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
        // after the HTTP layer's own check (order -2), which set its ceiling for a body without a length
        filters.register(
                context -> {
                    if (context.request().getHeader("Content-Length") == null && !isDocumentUpload(context.request())) {
                        context.put(STREAMED_LIMIT, limit);
                    }
                    context.next();
                },
                1);
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
