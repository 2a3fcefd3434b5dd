package org.assistance.chassis.documents;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.ProblemMappers;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 413: a document grew past the limit while it streamed in. */
public class DocumentTooLarge extends DomainRuleViolation {
    public DocumentTooLarge(long maxBytes) {
        super(413, "payload-too-large", Text.of("documents.too-large", "bytes", String.valueOf(maxBytes)));
    }

    /** The answer; the rest of the body is never read. */
    public static final class Answer {
        @ServerExceptionMapper
        public Response tooLarge(
                DocumentTooLarge e, UriInfo uri, HttpServerRequest request, jakarta.ws.rs.core.HttpHeaders headers) {
            java.util.Locale language = Languages.of(headers);
            Response.ResponseBuilder answer =
                    Response.fromResponse(ProblemMappers.answer(e.problem(language), uri, language));
            // HTTP/1.1 would take the unread rest of the body for the next request: the connection
            // closes (HTTP/2 forbids the header, and ends only this stream), as BodySizeLimit does
            if (request.version() != HttpVersion.HTTP_2) {
                answer.header("Connection", "close");
            }
            return answer.build();
        }
    }
}
