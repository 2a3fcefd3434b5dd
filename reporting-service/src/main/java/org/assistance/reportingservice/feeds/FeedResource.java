package org.assistance.reportingservice.feeds;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;

/**
 * Donor reporting feeds: IATI 2.03 activity XML, CSV and JSON of the approved requests, each
 * incremental (a cursor in the Feed-Cursor header, and in the JSON) and streamed.
 */
@Path("/api/v1/feeds")
@Tag(name = "Donor feeds", description = "What donors' money delivered, for their reporting systems")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.DONOR, Roles.OPERATIONS, Roles.ADMIN})
public class FeedResource {
    public static final String CURSOR_HEADER = "Feed-Cursor";
    /** The CSV columns, in order; one row per request and transaction. */
    public static final List<String> CSV_COLUMNS = List.of("iati_identifier", "request_id", "title", "country",
            "thematic_area", "programme", "donors", "activity_status", "stage", "approved_amount", "currency",
            "approved_on", "delivered_on", "transaction_type", "transaction_date", "transaction_value",
            "transaction_currency", "equipment_approved", "equipment_accepted", "participants_women", "participants_men",
            "transaction_donor");

    private final DonorFeed feed;
    private final FeedSettings settings;
    private final ObjectMapper json;
    private final Caller caller;

    public FeedResource(DonorFeed feed, FeedSettings settings, ObjectMapper json, Caller caller) {
        this.feed = feed;
        this.settings = settings;
        this.json = json;
        this.caller = caller;
    }

    @GET
    @Path("/iati")
    @Produces("application/xml")
    @Operation(summary = "IATI 2.03 iati-activities: one iati-activity per approved request changed since the cursor")
    public Response iati(@Parameter(description = "the Feed-Cursor of the previous call") @QueryParam("since") String since,
                         @HeaderParam("If-None-Match") String ifNoneMatch) throws SQLException {
        return answer(since, ifNoneMatch, "iati", "application/xml", range -> out -> {
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
    public Response activitiesJson(@QueryParam("since") String since, @HeaderParam("If-None-Match") String ifNoneMatch)
            throws SQLException {
        return answer(since, ifNoneMatch, "json", "application/json", range -> out -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.writeStartObject();
                generator.writeStringField("next", range.nextCursor());
                generator.writeArrayFieldStart("activities");
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
    @Operation(summary = "The same facts flat (RFC 4180, UTF-8): one row per request and transaction; columns: "
            + "iati_identifier, request_id, title, country, thematic_area, programme, donors, activity_status, stage, "
            + "approved_amount, currency, approved_on, delivered_on, transaction_type, transaction_date, "
            + "transaction_value, transaction_currency, equipment_approved, equipment_accepted, participants_women, "
            + "participants_men, transaction_donor (the donor credited with this part of the amount: each amount "
            + "is split between its donors once, the parts adding up to it)")
    public Response activitiesCsv(@QueryParam("since") String since, @HeaderParam("If-None-Match") String ifNoneMatch)
            throws SQLException {
        return answer(since, ifNoneMatch, "csv", "text/csv; charset=UTF-8", range -> out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csvRow(writer, CSV_COLUMNS);
            try {
                feed.stream(range, activity -> {
                    List<FeedActivity.Transaction> transactions = activity.transactions().isEmpty()
                            ? java.util.Collections.singletonList(null) : activity.transactions();
                    for (FeedActivity.Transaction t : transactions) {
                        csvRow(writer, List.of(IatiMapping.identifier(settings, activity), activity.requestId().toString(),
                                nullToEmpty(activity.title()), activity.country(), activity.thematicArea(),
                                nullToEmpty(activity.programme()),
                                String.join(";", activity.donors().stream().map(FeedActivity.Donor::id).toList()),
                                IatiMapping.activityStatus(activity.stage()), activity.stage(),
                                activity.approvedAmount() == null ? "" : activity.approvedAmount().toPlainString(),
                                nullToEmpty(activity.currency()), activity.approvedAt().toLocalDate().toString(),
                                activity.deliveredAt() == null ? "" : activity.deliveredAt().toLocalDate().toString(),
                                t == null ? "" : t.type(), t == null ? "" : t.date().toString(),
                                t == null ? "" : t.value().toPlainString(), t == null ? "" : t.currency(),
                                Integer.toString(activity.approvedUnits()), Integer.toString(activity.acceptedUnits()),
                                Integer.toString(activity.participantsWomen()),
                                Integer.toString(activity.participantsMen()), t == null ? "" : nullToEmpty(t.donor())));
                    }
                });
            } catch (SQLException e) {
                throw new java.io.IOException("CSV feed interrupted: " + e.getMessage(), e);
            }
            writer.flush();
        });
    }

    private interface Body {
        StreamingOutput of(DonorFeed.Range range);
    }

    private Response answer(String since, String ifNoneMatch, String format, String mediaType, Body body)
            throws SQLException {
        DonorFeed.Range range = feed.range(since, caller.donorScope());
        DonorFeed.Summary summary = feed.summary(range);
        EntityTag tag = new EntityTag(feed.entityTag(range, summary, format));
        if (ifNoneMatch != null && ifNoneMatch.replace("W/", "").contains("\"" + tag.getValue() + "\"")) {
            return Response.notModified(tag).header(CURSOR_HEADER, range.nextCursor()).build();
        }
        Response.ResponseBuilder answer = Response.ok(body.of(range), mediaType).tag(tag)
                .header(CURSOR_HEADER, range.nextCursor());
        if (summary.lastModified() != null) {
            answer.lastModified(Date.from(summary.lastModified().toInstant()));
        }
        return answer.build();
    }

    private static void csvRow(Writer writer, List<String> values) throws java.io.IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            String value = neutralised(values.get(i));
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                writer.write('"' + value.replace("\"", "\"\"") + '"');
            } else {
                writer.write(value);
            }
        }
        writer.write("\r\n");
    }

    /**
     * A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
     * return) is prefixed with an apostrophe, as OWASP advises for CSV injection; numbers (a
     * negative amount) stay numbers.
     */
    static String neutralised(String value) {
        if (value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 || value.matches("-?\\d+(\\.\\d+)?")) {
            return value;
        }
        return "'" + value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
