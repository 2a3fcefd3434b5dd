package org.assistance.reportingservice.enduse;

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
import java.util.Locale;
import org.assistance.chassis.http.CsvRows;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.security.TenantScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/end-use")
@Tag(name = "End use", description = "Equipment after delivery: end-use checks due, met and overdue, and findings")
@SecurityRequirement(name = "bearer")
@RolesAllowed({
    Roles.OPERATIONS,
    Roles.ADMIN,
    Roles.REVIEWER,
    Roles.LOGISTICS,
    Roles.DONOR,
    Roles.FOCAL_POINT,
    Roles.PARTNER
})
public class EndUseResource {
    static final String CSV = "text/csv";

    private final EndUseMonitoring monitoring;
    private final Caller caller;

    public EndUseResource(EndUseMonitoring monitoring, Caller caller) {
        this.monitoring = monitoring;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(
            summary = "Equipment after delivery: units monitored, end-use checks due by today, met and overdue, and "
                    + "findings by result, in total and per destination, with the overdue checks and the findings "
                    + "listed; JSON, or CSV (Accept: text/csv or format=csv). Staff read every unit, a donor the units "
                    + "of requests it funds, a focal point its own State's, a partner its agency's")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EndUseReport.class)),
                @Content(
                        mediaType = CSV,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        description = "RFC 4180 CSV, UTF-8: a header row, the totals, one row per "
                                                + "destination, per overdue check and per finding",
                                        maxLength = 10_000_000))
            })
    @APIResponse(
            responseCode = "403",
            description = "A focal point asking for another State's units, or a donor for another donor's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response endUse(
            @Parameter(description = "ISO 3166-1 alpha-2 code of the destination; a focal point's own by default")
                    @QueryParam("country")
                    @Size(max = 2)
                    @Pattern(regexp = "^[A-Za-z]*$", message = "{reporting.country-code}")
                    String country,
            @Parameter(description = "Programme code, such as GLOCY")
                    @QueryParam("programme")
                    @Size(max = 20)
                    @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{reporting.programme-code}")
                    String programme,
            @Parameter(description = "Donor id, such as donor-eu: units of the requests it funds; a donor's own")
                    @QueryParam("donor")
                    @Size(max = 100)
                    @Pattern(regexp = "^\\P{Cc}*$", message = "{reporting.printable}")
                    String donor,
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
        TenantScope scope = caller.scope();
        EndUseMonitoring.Filter filter = new EndUseMonitoring.Filter(
                scopedCountry(country, scope),
                blankToNull(programme),
                scopedDonor(donor, scope),
                scope.confinedToAgency() ? scope.agency() : null);
        EndUseReport report = monitoring.report(filter);
        boolean csv = CsvRows.asked(format, headers);
        return csv
                ? Response.ok(EndUseCsv.of(report), CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"end-use.csv\"")
                        .build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    /** Staff, donors and partners: the one asked for (or every one); a focal point: its own State, never another's. */
    private static String scopedCountry(String asked, TenantScope scope) {
        String country = asked == null || asked.isBlank() ? null : asked.trim().toUpperCase(Locale.ROOT);
        if (!scope.confinedToCountry()) {
            return country;
        }
        if (country != null && !scope.includesCountry(country)) {
            throw new ForbiddenException("a focal point reads its own State's equipment only");
        }
        return scope.country();
    }

    /** Staff and others: the donor asked for (or none); a donor: itself, never another. */
    private static String scopedDonor(String asked, TenantScope scope) {
        String donor = blankToNull(asked);
        if (!scope.confinedToDonor()) {
            return donor;
        }
        if (donor != null && !scope.includesDonor(donor)) {
            throw new ForbiddenException("a donor reads the equipment of the requests it funds only");
        }
        return scope.donor();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
