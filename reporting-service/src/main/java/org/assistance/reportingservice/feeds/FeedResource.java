package org.assistance.reportingservice.feeds;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.assistance.chassis.http.CsvRows;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.problems.ProblemMappers;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Donor reporting feeds: IATI 2.03 activity XML, CSV and JSON of the approved requests, each
 * incremental (a cursor in the Feed-Cursor header, and in the JSON) and streamed.
 */
@Path("/api/v1/feeds")
@Tag(name = "Donor feeds", description = "What donors' money delivered, for their reporting systems")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.DONOR, Roles.OPERATIONS, Roles.ADMIN})
@APIResponse(
        responseCode = "304",
        description = "Nothing changed since the ETag in If-None-Match",
        headers = {
            @Header(
                    name = FeedResource.CURSOR_HEADER,
                    description = FeedResource.CURSOR_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            @Header(name = "Access-Control-Allow-Origin", ref = "Access-Control-Allow-Origin")
        })
@APIResponse(
        responseCode = "503",
        description = "As many feed downloads as the service allows are under way; " + "retry after the time given",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)),
        headers = {
            @Header(
                    name = "Retry-After",
                    description = "Seconds to wait before trying again",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "3600")),
            @Header(name = "Access-Control-Allow-Origin", ref = "Access-Control-Allow-Origin")
        })
public class FeedResource {
    public static final String CURSOR_HEADER = "Feed-Cursor";
    static final String CURSOR_DESCRIPTION = "The cursor to send as since in the next call";
    static final String NEXT_DESCRIPTION =
            "rel=\"next\": the next page, at once, when more changed than one page holds";
    /** The CSV columns, in order; one row per request and transaction. */
    public static final List<String> CSV_COLUMNS = List.of(
            "iati_identifier",
            "request_id",
            "title",
            "country",
            "thematic_area",
            "programme",
            "donors",
            "activity_status",
            "stage",
            "approved_amount",
            "currency",
            "approved_on",
            "delivered_on",
            "transaction_type",
            "transaction_date",
            "transaction_value",
            "transaction_currency",
            "equipment_approved",
            "equipment_accepted",
            "participants_women",
            "participants_men",
            "transaction_donor",
            "participants_other",
            "participants_not_disclosed");

    private static final String SINCE = "The Feed-Cursor of the previous call (absent: from the beginning)";
    private static final String IF_NONE_MATCH = "The ETag of the answer the client holds: 304 when unchanged";
    private static final String CURSOR = "^[A-Za-z0-9_-]*$";
    private static final String NOT_A_CURSOR = "is not a cursor this feed gave out";
    /** The largest XML or CSV document a page of activities makes. */
    static final int MAX_DOCUMENT = 100_000_000;

    private final DonorFeed feed;
    private final FeedSettings settings;
    private final ObjectMapper json;
    private final Caller caller;
    private final FeedStreams streams;

    public FeedResource(DonorFeed feed, FeedSettings settings, ObjectMapper json, Caller caller, FeedStreams streams) {
        this.feed = feed;
        this.settings = settings;
        this.json = json;
        this.caller = caller;
        this.streams = streams;
    }

    @GET
    @Path("/iati")
    @Produces("application/xml")
    @Operation(summary = "IATI 2.03 iati-activities: one iati-activity per approved request changed since the cursor")
    @APIResponse(
            responseCode = "200",
            description = "An iati-activities document (IATI 2.03 schema) of at most " + DonorFeed.MAX_PAGE_SIZE
                    + " activities",
            content =
                    @Content(
                            mediaType = "application/xml",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            description = "IATI 2.03 iati-activities XML",
                                            maxLength = MAX_DOCUMENT)),
            headers = {
                @Header(
                        name = CURSOR_HEADER,
                        description = CURSOR_DESCRIPTION,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
                @Header(
                        name = "ETag",
                        description = "This page's version (weak), for If-None-Match",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
                @Header(
                        name = "Link",
                        description = NEXT_DESCRIPTION,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
            })
    public Response iati(
            @Parameter(description = SINCE)
                    @QueryParam("since")
                    @Size(max = 100)
                    @Pattern(regexp = CURSOR, message = NOT_A_CURSOR)
                    String since,
            @Parameter(description = IF_NONE_MATCH) @HeaderParam("If-None-Match") @Size(max = 1000) String ifNoneMatch,
            @Context UriInfo uri,
            @Context RoutingContext exchange)
            throws SQLException {
        return answer(since, ifNoneMatch, uri, exchange, "iati", "application/xml", range -> out -> {
            try (IatiWriter writer = new IatiWriter(out, settings)) {
                feed.stream(range, activity -> {
                    try {
                        writer.write(activity);
                    } catch (javax.xml.stream.XMLStreamException e) {
                        throw new java.io.IOException(e);
                    }
                });
            } catch (Exception e) {
                throw new java.io.IOException("IATI feed interrupted: " + e.getMessage(), e);
            }
        });
    }

    @GET
    @Path("/activities.json")
    @Produces("application/json")
    @Operation(summary = "The same activities as JSON, with their transactions and the next cursor")
    @APIResponse(
            responseCode = "200",
            description = "The activities changed since the cursor, at most " + DonorFeed.MAX_PAGE_SIZE
                    + ", and the cursor of what follows",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedPage.class)),
            headers = {
                @Header(
                        name = CURSOR_HEADER,
                        description = CURSOR_DESCRIPTION,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
                @Header(
                        name = "ETag",
                        description = "This page's version (weak), for If-None-Match",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
                @Header(
                        name = "Link",
                        description = NEXT_DESCRIPTION,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
            })
    public Response activitiesJson(
            @Parameter(description = SINCE)
                    @QueryParam("since")
                    @Size(max = 100)
                    @Pattern(regexp = CURSOR, message = NOT_A_CURSOR)
                    String since,
            @Parameter(description = IF_NONE_MATCH) @HeaderParam("If-None-Match") @Size(max = 1000) String ifNoneMatch,
            @Context UriInfo uri,
            @Context RoutingContext exchange)
            throws SQLException {
        return answer(since, ifNoneMatch, uri, exchange, "json", "application/json", range -> out -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.writeStartObject();
                generator.writeStringField("next", range.nextCursor());
                generator.writeArrayFieldStart("activities");
                generator.flush(); // the headers and the document's start go out at once, before the first row is read
                try {
                    feed.stream(range, activity -> json.writeValue(generator, activity));
                } catch (SQLException e) {
                    throw new java.io.IOException("JSON feed interrupted: " + e.getMessage(), e);
                }
                generator.writeEndArray();
                generator.writeEndObject();
            }
        });
    }

    @GET
    @Path("/activities.csv")
    @Produces("text/csv")
    @Operation(
            summary = "The same facts flat (RFC 4180, UTF-8): one row per request and transaction; columns: "
                    + "iati_identifier, request_id, title, country, thematic_area, programme, donors, activity_status, stage, "
                    + "approved_amount, currency, approved_on, delivered_on, transaction_type, transaction_date, "
                    + "transaction_value, transaction_currency, equipment_approved, equipment_accepted, participants_women, "
                    + "participants_men, transaction_donor (the donor credited with this part of the amount: each amount "
                    + "is split between its donors once, the parts adding up to it), participants_other, "
                    + "participants_not_disclosed")
    @APIResponse(
            responseCode = "200",
            description = "A header row and one row per request and transaction, of at most " + DonorFeed.MAX_PAGE_SIZE
                    + " activities",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            description = "RFC 4180 CSV, UTF-8",
                                            maxLength = MAX_DOCUMENT)),
            headers = {
                @Header(
                        name = CURSOR_HEADER,
                        description = CURSOR_DESCRIPTION,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
                @Header(
                        name = "ETag",
                        description = "This page's version (weak), for If-None-Match",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
                @Header(
                        name = "Link",
                        description = NEXT_DESCRIPTION,
                        schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
            })
    public Response activitiesCsv(
            @Parameter(description = SINCE)
                    @QueryParam("since")
                    @Size(max = 100)
                    @Pattern(regexp = CURSOR, message = NOT_A_CURSOR)
                    String since,
            @Parameter(description = IF_NONE_MATCH) @HeaderParam("If-None-Match") @Size(max = 1000) String ifNoneMatch,
            @Context UriInfo uri,
            @Context RoutingContext exchange)
            throws SQLException {
        return answer(since, ifNoneMatch, uri, exchange, "csv", "text/csv; charset=UTF-8", range -> out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(CsvRows.line(CSV_COLUMNS));
            writer.flush(); // the headers and the header row go out at once, before the first row is read
            try {
                feed.stream(range, activity -> {
                    List<FeedActivity.Transaction> transactions =
                            activity.transactions().isEmpty()
                                    ? java.util.Collections.singletonList(null)
                                    : activity.transactions();
                    for (FeedActivity.Transaction t : transactions) {
                        writer.write(CsvRows.line(List.of(
                                IatiMapping.identifier(settings, activity),
                                activity.requestId().toString(),
                                nullToEmpty(activity.title()),
                                activity.country(),
                                activity.thematicArea(),
                                nullToEmpty(activity.programme()),
                                String.join(
                                        ";",
                                        activity.donors().stream()
                                                .map(FeedActivity.Donor::id)
                                                .toList()),
                                IatiMapping.activityStatus(activity.stage()),
                                activity.stage(),
                                activity.approvedAmount() == null
                                        ? ""
                                        : activity.approvedAmount().toPlainString(),
                                nullToEmpty(activity.currency()),
                                activity.approvedAt().toLocalDate().toString(),
                                activity.deliveredAt() == null
                                        ? ""
                                        : activity.deliveredAt().toLocalDate().toString(),
                                t == null ? "" : t.type(),
                                t == null ? "" : t.date().toString(),
                                t == null ? "" : t.value().toPlainString(),
                                t == null ? "" : t.currency(),
                                Integer.toString(activity.approvedUnits()),
                                Integer.toString(activity.acceptedUnits()),
                                Integer.toString(activity.participantsWomen()),
                                Integer.toString(activity.participantsMen()),
                                t == null ? "" : nullToEmpty(t.donor()),
                                Integer.toString(activity.participantsOther()),
                                Integer.toString(activity.participantsNotDisclosed()))));
                    }
                });
            } catch (SQLException e) {
                throw new java.io.IOException("CSV feed interrupted: " + e.getMessage(), e);
            }
            writer.flush();
        });
    }

    /**
     * The feed's answer: streamed while holding one of the limited places for downloads (and its
     * database connection), given back when the body is written, or when the exchange ends
     * whatever way it ends; with no place free, 503 and Retry-After.
     */
    private Response answer(
            String since,
            String ifNoneMatch,
            UriInfo uri,
            RoutingContext exchange,
            String format,
            String mediaType,
            Function<DonorFeed.Range, StreamingOutput> body)
            throws SQLException {
        FeedStreams.Permit permit = streams.tryStart().orElse(null);
        if (permit == null) {
            Locale language = Languages.negotiate(exchange.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            return Response.fromResponse(ProblemMappers.answer(
                            Problem.of(
                                    language,
                                    503,
                                    "feeds-busy",
                                    Text.of("feeds.busy", "seconds", streams.retryAfterSeconds())),
                            uri,
                            language))
                    .header("Retry-After", streams.retryAfterSeconds())
                    .build();
        }
        boolean streaming = false;
        try {
            // one statement reads the page's bounds and what it holds, never the whole range
            DonorFeed.Page page = feed.page(since, caller.scope());
            DonorFeed.Range range = page.range();
            DonorFeed.Summary summary = page.summary();
            // weak: the same activities, though the cursor to the settled point may have moved on
            EntityTag tag = new EntityTag(feed.entityTag(range, summary, format), true);
            if (ifNoneMatch != null && ifNoneMatch.replace("W/", "").contains("\"" + tag.getValue() + "\"")) {
                return Response.notModified(tag)
                        .header(CURSOR_HEADER, range.nextCursor())
                        .build();
            }
            StreamingOutput output = body.apply(range);
            StreamingOutput held = out -> {
                try (permit) {
                    output.write(out);
                }
            };
            exchange.addEndHandler(ended -> permit.close());
            Response.ResponseBuilder answer =
                    Response.ok(held, mediaType).tag(tag).header(CURSOR_HEADER, range.nextCursor());
            if (range.more()) {
                answer.link(
                        uri.getRequestUriBuilder()
                                .replaceQueryParam("since", range.nextCursor())
                                .build(),
                        "next");
            }
            if (summary.lastModified() != null) {
                answer.lastModified(Date.from(summary.lastModified().toInstant()));
            }
            streaming = true;
            return answer.build();
        } finally {
            if (!streaming) {
                permit.close();
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
