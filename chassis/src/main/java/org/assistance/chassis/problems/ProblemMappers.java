package org.assistance.chassis.problems;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.assistance.chassis.texts.Texts;
import org.assistance.chassis.validation.PlainText;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of every service as RFC 9457 problem+json. No stack trace, SQL or class name
 * reaches a client; an unexpected failure is logged with an id that the answer repeats.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        List<InvalidInput.Field> fields = e.getConstraintViolations().stream()
                .map(v -> new InvalidInput.Field(fieldOf(v), messageOf(v)))
                .sorted(Comparator.comparing(InvalidInput.Field::field))
                .toList();
        return invalidInput(InvalidInput.of(fields), uri, headers);
    }

    /**
     * A constraint's message as words: the platform's own ({@code message = "{assistance.country}"})
     * from its bundles with the constraint's attributes ({max}, {regexp}); Bean Validation's own
     * ({@code {jakarta.validation.constraints.Size.message}}) from Hibernate Validator's bundles in
     * the six languages, which the interpolated message already is.
     */
    private static Text messageOf(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (template != null && template.startsWith("{") && template.endsWith("}")) {
            String key = template.substring(1, template.length() - 1);
            if (Texts.has(key)) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                violation.getConstraintDescriptor().getAttributes().forEach((name, value) -> {
                    if (value instanceof Number || value instanceof String) {
                        attributes.put(name, value);
                    }
                });
                return new Text(key, attributes);
            }
        }
        return Text.of("text.verbatim", "text", violation.getMessage());
    }

    // listed one by one: Quarkus has built-in mappers for some of these subtypes (answering plain JSON)
    @ServerExceptionMapper({
        JsonProcessingException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class,
        MismatchedInputException.class,
        JsonParseException.class
    })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        String field = e instanceof JsonMappingException m ? pathOf(m) : null;
        Text message;
        if (e instanceof PlainText.Refused refused) {
            message = refused.reason();
        } else if (e instanceof UnrecognizedPropertyException u) {
            message = u.getKnownPropertyIds() == null
                    ? Text.of("json.unknown-field")
                    : Text.of(
                            "json.unknown-field.known",
                            "known",
                            u.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
        } else if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            message = Text.of(
                    "json.not-one-of",
                    "value",
                    String.valueOf(f.getValue()),
                    "values",
                    Arrays.toString(f.getTargetType().getEnumConstants()));
        } else if (e instanceof InvalidFormatException f) {
            message = Text.of(
                    "json.not-a-valid",
                    "value",
                    String.valueOf(f.getValue()),
                    "type",
                    f.getTargetType().getSimpleName());
        } else if (field != null) {
            message = Text.of("json.wrong-type");
        } else {
            message = null;
        }
        Problem problem = Problem.of(
                language,
                400,
                "malformed-json",
                message == null
                        ? Text.of("json.unreadable")
                        : Text.of("text.field", "field", field, "message", message));
        if (field != null) {
            problem = problem.withErrors(List.of(new Problem.FieldError(field, message.in(language))));
        }
        return answer(problem, uri, language);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        Problem problem = new Problem(
                        java.net.URI.create(Problem.TYPE_BASE + "validation"),
                        Problem.title(language, "validation"),
                        400,
                        e.detail(language),
                        null,
                        List.of())
                .withErrors(e.errors(language).stream()
                        .sorted(Comparator.comparing(Problem.FieldError::field))
                        .toList());
        return answer(problem, uri, language);
    }

    @ServerExceptionMapper
    public Response rule(DomainRuleViolation e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return answer(e.problem(language), uri, language);
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return answer(
                Problem.of(language, 409, "concurrent-change", Text.of("problem.concurrent-change.detail")),
                uri,
                language);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return Response.fromResponse(answer(
                        Problem.of(language, 401, "unauthenticated", Text.of("problem.unauthenticated.detail")),
                        uri,
                        language))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        return answer(Problem.of(language, 403, "forbidden", Text.of("problem.forbidden.detail")), uri, language);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri, headers); // the JSON reader wraps what it could not read
            }
        }
        Locale language = Languages.of(headers);
        int status = e.getResponse().getStatus();
        if (status == 404 && isMalformedParameter(e.getCause())) {
            // JAX-RS answers 404 when a path or query value cannot be converted; the resource exists,
            // the value is wrong: 400, as for any other invalid input
            return answer(
                    Problem.of(language, 400, "invalid-parameter", Text.of("problem.invalid-parameter.detail")),
                    uri,
                    language);
        }
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String slug =
                (type == null ? "error" : type.getReasonPhrase()).toLowerCase().replace(' ', '-');
        // the HTTP layer's own refusals (404 no such path, 405, 406, 415): a title and a detail per
        // status, in the caller's language (the layer's own message is English and says no more)
        Text detail = status == 404
                ? Text.of("problem.not-found.detail")
                : Text.of("problem.http.detail", "status", String.valueOf(status));
        Response.ResponseBuilder answer = Response.fromResponse(answer(
                new Problem(
                        java.net.URI.create(Problem.TYPE_BASE + slug),
                        Texts.has("problem." + slug + ".title")
                                ? Problem.title(language, slug)
                                : type == null ? "Error" : type.getReasonPhrase(),
                        status,
                        detail.in(language),
                        null,
                        List.of()),
                uri,
                language));
        // keep headers such as Allow on a 405
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> answer.header(name, v));
            }
        });
        return answer.build();
    }

    private static boolean isMalformedParameter(Throwable cause) {
        return cause instanceof IllegalArgumentException
                || cause instanceof java.time.DateTimeException
                || cause instanceof ArithmeticException;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        Locale language = Languages.of(headers);
        if (org.assistance.chassis.inbox.Failures.isTransient(e)) {
            // a deadlock, a lock held too long, the database or the broker away for a moment: nothing
            // was written (the transaction rolled back), and the same call may well succeed in a second
            LOG.warnf("Transient failure on %s: %s", uri == null ? "?" : uri.getPath(), e.toString());
            return Response.fromResponse(answer(
                            Problem.of(language, 503, "try-again", Text.of("problem.try-again.detail")), uri, language))
                    .header("Retry-After", "1")
                    .build();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", id, uri == null ? "?" : uri.getPath());
        return answer(
                Problem.of(language, 500, "internal", Text.of("problem.internal.detail", "id", id)), uri, language);
    }

    /** The problem as the answer, in English. */
    public static Response answer(Problem problem, UriInfo uri) {
        return answer(problem, uri, Languages.ENGLISH);
    }

    /** The problem as the answer, saying which language its words are in. */
    public static Response answer(Problem problem, UriInfo uri, Locale language) {
        Problem located = uri == null ? problem : problem.at(uri.getPath());
        return Languages.answeredIn(
                        Response.status(located.status())
                                .type(Problem.MEDIA_TYPE)
                                .entity(located),
                        language == null ? Languages.ENGLISH : language)
                .build();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "submit.body.country" -> "country": drop the method and parameter names
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length > 2) {
            return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String pathOf(JsonMappingException e) {
        if (e.getPath() == null || e.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
