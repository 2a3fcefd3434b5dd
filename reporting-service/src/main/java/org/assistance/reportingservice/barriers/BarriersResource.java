package org.assistance.reportingservice.barriers;

import io.quarkus.security.ForbiddenException;
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
import org.assistance.chassis.events.Values.BarrierBasis;
import org.assistance.chassis.http.CsvRows;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/barriers")
@Tag(name = "Barriers", description = "What held or stopped equipment on its way, by measure and by impediment")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.OPERATIONS, Roles.ADMIN, Roles.FOCAL_POINT})
public class BarriersResource {
    static final String CSV = "text/csv";

    private final Barriers barriers;
    private final Caller caller;

    public BarriersResource(Barriers barriers, Caller caller) {
        this.barriers = barriers;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(
            summary = "Barriers per screening measure and per kind of impediment: shipments and lines affected, "
                    + "items and value blocked or delayed, days held in total and median, still standing, denials "
                    + "and extra cost; JSON, or CSV (Accept: text/csv or format=csv). A focal point reads its own "
                    + "State's only")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = BarriersReport.class)),
                @Content(
                        mediaType = CSV,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        description = "RFC 4180 CSV, UTF-8: a header row, one row per measure and per "
                                                + "impediment row, and the totals",
                                        maxLength = 10_000_000))
            })
    @APIResponse(
            responseCode = "403",
            description = "A focal point asking for another State's barriers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response barriers(
            @Parameter(description = "ISO 3166-1 alpha-2 code of the destination; a focal point's own by default")
                    @QueryParam("country")
                    @Size(max = 2)
                    @Pattern(regexp = "^[A-Za-z]*$", message = "{reporting.country-code}")
                    String country,
            @Parameter(
                            description = "The basis of the measures and impediments",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "UN_SECURITY_COUNCIL",
                                                "UNILATERAL_MEASURE",
                                                "NATIONAL_EXPORT_CONTROL",
                                                "OTHER"
                                            },
                                            maxLength = 30))
                    @QueryParam("basis")
                    @Size(max = 30)
                    @Pattern(regexp = "^[A-Za-z_]*$", message = "{reporting.basis}")
                    String basis,
            @Parameter(description = "First day (UTC) a barrier began on (inclusive)") @QueryParam("from")
                    LocalDate from,
            @Parameter(description = "Last day (UTC) a barrier began on (inclusive)") @QueryParam("to") LocalDate to,
            @Parameter(
                            description = "csv for the CSV form (as Accept: text/csv)",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"json", "csv"},
                                            maxLength = 4))
                    @QueryParam("format")
                    @Size(max = 4)
                    @Pattern(regexp = "^(json|csv)?$", message = "{reporting.format}")
                    String format,
            @Context HttpHeaders headers) {
        Barriers.Filter filter =
                new Barriers.Filter(scopedCountry(country), basis(basis), day("from", from), day("to", to));
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw InvalidInput.field("to", Text.of("reporting.to-before-from"));
        }
        BarriersReport report = barriers.report(filter);
        boolean csv = CsvRows.asked(format, headers);
        return csv
                ? Response.ok(BarriersCsv.of(report), CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"barriers.csv\"")
                        .build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    /** Staff: the one asked for (or every one); a State's focal point: its own State, never another's. */
    private String scopedCountry(String asked) {
        String country = asked == null || asked.isBlank() ? null : asked.trim().toUpperCase(Locale.ROOT);
        TenantScope scope = caller.scope();
        if (!scope.confinedToCountry()) {
            return country;
        }
        if (country != null && !scope.includesCountry(country)) {
            throw new ForbiddenException("a focal point reads its own State's barriers only");
        }
        return scope.country();
    }

    private static String basis(String basis) {
        if (basis == null || basis.isBlank()) {
            return null;
        }
        String name = basis.trim().toUpperCase(Locale.ROOT);
        for (BarrierBasis known : BarrierBasis.values()) {
            if (known.name().equals(name)) {
                return name;
            }
        }
        throw InvalidInput.field("basis", Text.of("reporting.basis-unknown"));
    }

    /** The database's calendar ends where ISO 8601's four-digit years do: a year beyond is a 400. */
    private static LocalDate day(String parameter, LocalDate day) {
        if (day != null && (day.getYear() < 1 || day.getYear() > 9999)) {
            throw InvalidInput.field(parameter, Text.of("reporting.date-out-of-range"));
        }
        return day;
    }
}
