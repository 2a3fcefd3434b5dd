package org.assistance.programservice.programmes;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Locale;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.problems.ProblemMappers;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the database refuses, answered as what it means for the client rather than as a 500: a row
 * another change holds beyond the lock timeout (or a deadlock, or a statement over its time) is a
 * 409 to retry after a second; a duplicate key is a 409. Anything else stays an unexpected failure.
 */
public class DatabaseRefusals {
    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response refused(PersistenceException e, UriInfo uri, HttpHeaders headers) {
        String state = sqlState(e);
        if (state == null) {
            return problems.unexpected(e, uri, headers);
        }
        Locale language = Languages.of(headers);
        return switch (state) {
            // lock_not_available, deadlock_detected, query_canceled (statement timeout), serialization_failure
            case "55P03", "40P01", "57014", "40001" ->
                Response.fromResponse(ProblemMappers.answer(
                                Problem.of(language, 409, "busy", Text.of("problem.busy.detail")), uri, language))
                        .header("Retry-After", "1")
                        .build();
            case "23505" ->
                ProblemMappers.answer(
                        Problem.of(language, 409, "conflict", Text.of("problem.duplicate.detail")), uri, language);
            default -> problems.unexpected(e, uri, headers);
        };
    }

    static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
