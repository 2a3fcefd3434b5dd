package org.assistance.reportingservice.feeds;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.security.TenantScope;
import org.assistance.reportingservice.results.Results;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The programmes' results for donors' reporting systems: IATI 2.03 activities of hierarchy 1. */
@Path("/api/v1/feeds/iati/programmes")
@Tag(name = "Donor feeds", description = "What donors' money delivered, for their reporting systems")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.DONOR, Roles.OPERATIONS, Roles.ADMIN})
public class ProgrammeFeedResource {
    private final Results results;
    private final FeedSettings settings;
    private final Caller caller;

    public ProgrammeFeedResource(Results results, FeedSettings settings, Caller caller) {
        this.results = results;
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Produces("application/xml")
    @Operation(
            summary = "IATI 2.03 iati-activities: one iati-activity (hierarchy 1) per programme, with its donors, the "
                    + "SDG targets it serves and its results framework (targets and actuals per year, per country "
                    + "and per sex); a donor reads the programmes it funds only")
    @APIResponse(
            responseCode = "200",
            description = "An iati-activities document (IATI 2.03 schema) of at most " + Results.MAX_PROGRAMMES
                    + " programmes",
            content =
                    @Content(
                            mediaType = "application/xml",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            description = "IATI 2.03 iati-activities XML",
                                            maxLength = FeedResource.MAX_DOCUMENT)))
    public Response programmes() throws Exception {
        TenantScope scope = caller.scope();
        List<IatiProgrammeWriter.Programme> programmes = new ArrayList<>();
        for (String code : results.programmesFundedBy(scope.donor())) {
            if (programmes.size() >= Results.MAX_PROGRAMMES) {
                break;
            }
            programmes.add(new IatiProgrammeWriter.Programme(
                    results.ofProgramme(code), results.donorsOf(code), results.startOf(code)));
        }
        return Response.ok(new IatiProgrammeWriter(settings).document(programmes), "application/xml")
                .build();
    }
}
