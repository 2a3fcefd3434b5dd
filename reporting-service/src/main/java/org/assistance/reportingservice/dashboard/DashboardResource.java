package org.assistance.reportingservice.dashboard;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Locale;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/v1/dashboard")
@Tag(name = "Dashboard", description = "Delivery KPIs for operations staff, and their live stream")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.OPERATIONS, Roles.ADMIN, Roles.REVIEWER, Roles.LOGISTICS})
public class DashboardResource {
    private final Dashboard dashboard;
    private final DashboardStream stream;
    private final Caller caller;

    public DashboardResource(Dashboard dashboard, DashboardStream stream, Caller caller) {
        this.dashboard = dashboard;
        this.stream = stream;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "KPIs of the requests submitted in a period, narrowed by country, thematic area, programme or donor")
    @APIResponse(
            responseCode = "200",
            description = "The KPIs of the requests the filter selects",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Kpis.class)))
    public Response kpis(
            @Parameter(description = "First day of submission (inclusive)") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day of submission (inclusive)") @QueryParam("to") LocalDate to,
            @Parameter(description = "ISO 3166-1 alpha-2 code of the requesting country")
                    @QueryParam("country")
                    @Size(max = 2)
                    @Pattern(regexp = "^[A-Za-z]*$", message = "{reporting.country-code}")
                    String country,
            @Parameter(description = "Thematic area, such as CYBERCRIME")
                    @QueryParam("thematicArea")
                    @Size(max = 40)
                    @Pattern(regexp = "^[A-Za-z0-9_ -]*$", message = "{reporting.thematic-area}")
                    String thematicArea,
            @Parameter(description = "Programme code, such as GLOCY")
                    @QueryParam("programme")
                    @Size(max = 20)
                    @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{reporting.programme-code}")
                    String programme,
            @Parameter(description = "Donor id, such as donor-eu")
                    @QueryParam("donor")
                    @Size(max = 100)
                    @Pattern(regexp = PRINTABLE, message = "{reporting.printable}")
                    String donor,
            @Context HttpHeaders headers) {
        Locale language = Languages.of(headers);
        Kpis kpis = dashboard.kpis(
                new DashboardFilter(
                        day("from", from),
                        day("to", to),
                        blankToNull(country),
                        blankToNull(thematicArea),
                        blankToNull(programme),
                        blankToNull(donor)),
                language);
        // the latest events' lines are in the reader's language
        return Languages.answeredIn(Response.ok(kpis), language).build();
    }

    /** The database's calendar ends where ISO 8601's four-digit years do: a year beyond is a 400, not a failure. */
    private static LocalDate day(String parameter, LocalDate day) {
        if (day != null && (day.getYear() < 1 || day.getYear() > 9999)) {
            throw InvalidInput.field(parameter, Text.of("reporting.date-out-of-range"));
        }
        return day;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Server-sent events: every event as the read models take it in (and a heartbeat every 15 s)",
            description = "The stream ends when the caller's token expires; a client goes on with a new token.")
    @APIResponse(
            responseCode = "200",
            description = "One server-sent event per event the read models take in; its data is one LiveEvent",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = LiveEvent.class)))
    public Multi<LiveEvent> stream(@Context HttpHeaders headers) {
        Locale language = Languages.of(headers);
        // a stream outliving its token would keep showing the dashboard to someone no longer allowed to see it
        return caller.expiresAt()
                .map(end -> stream.eventsUntil(end, language))
                .orElseGet(() -> stream.events(language));
    }

    /** No control character: the database refuses NUL, and nothing printable is one of them. */
    private static final String PRINTABLE = "^\\P{Cc}*$";

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
