package org.assistance.chassis.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.http.CsvRows;
import org.assistance.chassis.http.Pages;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service's audit trail, for admins: read only. There is no operation that changes or deletes
 * an entry (and the database refuses it too).
 */
@Path("/api/v1/admin/audit")
@Tag(name = "Audit", description = "Who changed what and when, with the before and after (read only)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {
    static final String CSV = "text/csv";
    private static final List<String> COLUMNS = List.of(
            "id", "recorded_at", "actor", "actor_roles", "kind", "subject", "action", "before", "after", "trace_id");

    private final AuditEntries entries;

    public AuditResource(AuditEntries entries) {
        this.entries = entries;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(
            summary = "The audit trail, newest first",
            description = "JSON: a page of entries, a Link header with rel=\"next\" while more follow. CSV (Accept: "
                    + "text/csv or format=csv): every entry the filters name, in one RFC 4180 document.")
    @APIResponse(
            responseCode = "200",
            description = "The entries",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Link",
                            description = Pages.LINK_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 8192)),
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class, maxItems = 1000)),
                @Content(
                        mediaType = CSV,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        description = "RFC 4180 CSV, UTF-8: a header row (id, recorded_at, actor, "
                                                + "actor_roles, kind, subject, action, before, after, trace_id), "
                                                + "then one row per entry; before and after as JSON",
                                        maxLength = 1_000_000_000))
            })
    public Response audit(
            @Parameter(description = "Only this actor's changes (a token subject, or `system`)")
                    @QueryParam("actor")
                    @Size(max = 200)
                    String actor,
            @Parameter(description = "Only changes of this kind, e.g. `export-rule`")
                    @QueryParam("kind")
                    @Size(max = 60)
                    @Pattern(regexp = "^[a-z0-9-]*$", message = "{audit.kind}")
                    String kind,
            @Parameter(
                            description = "From this day (UTC, inclusive) or moment (ISO 8601 with offset)",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40))
                    @QueryParam("from")
                    @Size(max = 40)
                    String from,
            @Parameter(
                            description = "To this day (UTC, inclusive) or moment (exclusive)",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 40))
                    @QueryParam("to")
                    @Size(max = 40)
                    String to,
            @Parameter(description = Pages.CURSOR_DESCRIPTION) @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = Pages.LIMIT_DESCRIPTION)
                    @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(1)
                    @Max(Pages.MAX)
                    int limit,
            @Parameter(
                            description = "csv for the CSV form (as Accept: text/csv)",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"json", "csv"},
                                            maxLength = 4))
                    @QueryParam("format")
                    @Size(max = 4)
                    @Pattern(regexp = "^(json|csv)?$", message = "{audit.format}")
                    String format,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        OffsetDateTime since = moment("from", from, false);
        OffsetDateTime until = moment("to", to, true);
        if (since != null && until != null && !until.isAfter(since)) {
            throw InvalidInput.field("to", Text.of("audit.to-before-from"));
        }
        UUID before = cursor == null ? null : Pages.read(cursor, 1, parts -> UUID.fromString(parts[0]));
        AuditEntries.Filter filter =
                new AuditEntries.Filter(blankAsNull(actor), blankAsNull(kind), since, until, before);
        boolean csv = CsvRows.asked(format, headers);
        if (csv) {
            AuditEntries.Filter whole = new AuditEntries.Filter(filter.actor(), filter.kind(), since, until, null);
            StreamingOutput body = output -> {
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
                writer.write(CsvRows.line(COLUMNS));
                try {
                    entries.each(whole, entry -> {
                        try {
                            writer.write(CsvRows.line(row(entry)));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                writer.flush();
            };
            return Response.ok(body, CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                    .build();
        }
        List<AuditEntry> found = entries.page(filter, limit + 1);
        // JSON whatever the Accept header also allowed: the CSV form is asked for above
        return Response.fromResponse(Pages.of(found, limit, entry -> entry, entry -> new Object[] {entry.id()}, uri))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private static List<String> row(AuditEntry entry) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(entry.id().toString());
        cells.add(entry.recordedAt().toString());
        cells.add(entry.actor());
        cells.add(String.join(" ", entry.actorRoles()));
        cells.add(entry.kind());
        cells.add(entry.subject());
        cells.add(entry.action());
        cells.add(entry.before() == null ? "" : entry.before().toString());
        cells.add(entry.after() == null ? "" : entry.after().toString());
        cells.add(entry.traceId() == null ? "" : entry.traceId());
        return cells;
    }

    /** A day (its start, or for {@code to} the start of the next day) or a moment with its offset. */
    private static OffsetDateTime moment(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInput.field(field, Text.of("audit.moment"));
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
