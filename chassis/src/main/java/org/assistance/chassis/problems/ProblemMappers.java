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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
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
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        Problem problem = Problem.of(
                        400,
                        "validation",
                        "Invalid request",
                        errors.size() == 1
                                ? errors.get(0).field() + " " + errors.get(0).message()
                                : errors.size() + " fields are invalid")
                .withErrors(errors);
        return answer(problem, uri);
    }

    // listed one by one: Quarkus has built-in mappers for some of these subtypes (answering plain JSON)
    @ServerExceptionMapper({
        JsonProcessingException.class,
        UnrecognizedPropertyException.class,
        InvalidFormatException.class,
        MismatchedInputException.class,
        JsonParseException.class
    })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : null;
        String message;
        if (e instanceof PlainText.Refused refused) {
            message = refused.reason();
        } else if (e instanceof UnrecognizedPropertyException u) {
            message = "is not a field of this resource"
                    + (u.getKnownPropertyIds() == null
                            ? ""
                            : "; known fields: "
                                    + u.getKnownPropertyIds().stream()
                                            .map(Object::toString)
                                            .sorted()
                                            .collect(Collectors.joining(", ")));
        } else if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            message = "'" + f.getValue() + "' is not one of "
                    + Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException f) {
            message =
                    "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName();
        } else if (field != null) {
            message = "has the wrong type or format";
        } else {
            message = null;
        }
        Problem problem = Problem.of(
                400,
                "malformed-json",
                "Malformed JSON",
                message == null ? "The body is not valid JSON for this resource" : field + " " + message);
        if (field != null) {
            problem = problem.withErrors(List.of(new Problem.FieldError(field, message)));
        }
        return answer(problem, uri);
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e, UriInfo uri) {
        return answer(
                Problem.of(400, "validation", "Invalid request", e.getMessage()).withErrors(e.errors()), uri);
    }

    @ServerExceptionMapper
    public Response rule(DomainRuleViolation e, UriInfo uri) {
        return answer(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e, UriInfo uri) {
        return answer(
                Problem.of(
                        409,
                        "concurrent-change",
                        "Changed by someone else",
                        "The record was changed concurrently; read it again and retry"),
                uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(answer(
                        Problem.of(
                                401, "unauthenticated", "Authentication required", "A valid bearer token is required"),
                        uri))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(Problem.of(403, "forbidden", "Not allowed", "Your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uri); // the JSON reader wraps what it could not read
            }
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && isMalformedParameter(e.getCause())) {
            // JAX-RS answers 404 when a path or query value cannot be converted; the resource exists,
            // the value is wrong: 400, as for any other invalid input
            return answer(
                    Problem.of(
                            400,
                            "invalid-parameter",
                            "Invalid parameter",
                            "A path or query parameter is malformed: a UUID, an ISO 8601 date, a number in range or one of "
                                    + "the listed values was expected (see the operation's parameters in the OpenAPI document)"),
                    uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = status == 404 ? "Not found" : e.getMessage();
        Response.ResponseBuilder answer = Response.fromResponse(
                answer(Problem.of(status, title.toLowerCase().replace(' ', '-'), title, detail), uri));
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
    public Response unexpected(Throwable e, UriInfo uri) {
        if (org.assistance.chassis.inbox.Failures.isTransient(e)) {
            // a deadlock, a lock held too long, the database or the broker away for a moment: nothing
            // was written (the transaction rolled back), and the same call may well succeed in a second
            LOG.warnf("Transient failure on %s: %s", uri == null ? "?" : uri.getPath(), e.toString());
            return Response.fromResponse(answer(
                            Problem.of(
                                    503,
                                    "try-again",
                                    "Try again",
                                    "The change met another at the same moment or a part was briefly away;"
                                            + " nothing was recorded. Send it again."),
                            uri))
                    .header("Retry-After", "1")
                    .build();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", id, uri == null ? "?" : uri.getPath());
        return answer(
                Problem.of(500, "internal", "Internal error", "Something went wrong on our side; quote error id " + id),
                uri);
    }

    public static Response answer(Problem problem, UriInfo uri) {
        Problem located = uri == null ? problem : problem.at(uri.getPath());
        return Response.status(located.status())
                .type(Problem.MEDIA_TYPE)
                .entity(located)
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
