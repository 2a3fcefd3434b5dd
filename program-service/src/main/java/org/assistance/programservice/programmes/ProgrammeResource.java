package org.assistance.programservice.programmes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.security.TenantScope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Donors, programmes and their funds")
@SecurityRequirement(name = "bearer")
public class ProgrammeResource {
    private final Programmes programmes;
    private final Caller caller;

    public ProgrammeResource(Programmes programmes, Caller caller) {
        this.programmes = programmes;
        this.caller = caller;
    }

    @POST
    @Path("/donors")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a donor")
    @APIResponse(
            responseCode = "201",
            description = "Registered; `Location` names the donor",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DonorRegistration.class)))
    @APIResponse(
            responseCode = "409",
            description = "A donor with this id already exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The platform already holds as many donors as it lists (1,000)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addDonor(@NotNull @Valid DonorRegistration body, @Context UriInfo uri) {
        Donor donor = programmes.addDonor(body);
        return Response.created(uri.getAbsolutePathBuilder().path(donor.id).build())
                .entity(body)
                .build();
    }

    @GET
    @Path("/donors")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS})
    @Operation(summary = "Donors")
    @APIResponse(
            responseCode = "200",
            description = "Every donor, by id",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = DonorRegistration.class,
                                            maxItems = Donor.MAX_DONORS)))
    public List<DonorRegistration> donors() {
        return Donor.<Donor>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(DonorRegistration::of)
                .toList();
    }

    @POST
    @Path("/programmes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a programme")
    @APIResponse(
            responseCode = "201",
            description = "Created; `Location` names the programme",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A programme with this code already exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The platform already holds as many programmes as it lists (1,000)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addProgramme(@NotNull @Valid ProgrammeDraft body, @Context UriInfo uri) {
        Programme programme = programmes.addProgramme(body);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(programme.code).build())
                .entity(ProgrammeView.of(programme))
                .build();
    }

    @GET
    @Path("/programmes")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS, Roles.LOGISTICS, Roles.DONOR, Roles.PARTNER})
    @Operation(summary = "Programmes with their funds; partners get names only, donors only the programmes they fund")
    @APIResponse(
            responseCode = "200",
            description = "The programmes the caller may read, by code",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = ProgrammeListEntry.class,
                                            maxItems = Programme.MAX_PROGRAMMES)))
    public List<?> programmes() {
        TenantScope scope = caller.scope();
        if (scope.confinedToAgency()) {
            // an agency may name a programme in its request, not read its funds
            return programmes.all().stream()
                    .map(p -> new ProgrammeName(p.code, p.name))
                    .toList();
        }
        return programmes.fundsReadableBy(scope).stream().map(ProgrammeView::of).toList();
    }

    @GET
    @Path("/programmes/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS, Roles.LOGISTICS, Roles.DONOR})
    @Operation(summary = "One programme and its funds, with each donor's part of them")
    @APIResponse(
            responseCode = "200",
            description = "The programme and each donor's part of its funds",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such programme (or, for a donor, not one it funds)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProgrammeView programme(
            @PathParam("code") @Size(max = 20) @Pattern(regexp = Programme.CODE, message = Programme.CODE_MESSAGE)
                    String code) {
        Programme programme = programmes.fundsOf(code, caller.scope());
        return ProgrammeView.of(programme, programmes.donorFiguresOf(code));
    }

    @POST
    @Path("/programmes/{code}/pledges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record a donor's pledge to a programme")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; the programme with its funds after it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another change of the programme's funds holds it: retry (`Retry-After`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown donor, or the programme's total would exceed what it can record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pledge(
            @PathParam("code") @Size(max = 20) @Pattern(regexp = Programme.CODE, message = Programme.CODE_MESSAGE)
                    String code,
            @NotNull @Valid FundingDraft body) {
        return funded(code, Funding.Kind.PLEDGE, body);
    }

    @POST
    @Path("/programmes/{code}/contributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record money a donor contributed to a programme (it becomes available for approvals)")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; the programme with its funds after it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another change of the programme's funds holds it: retry (`Retry-After`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown donor, or the programme's total would exceed what it can record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response contribute(
            @PathParam("code") @Size(max = 20) @Pattern(regexp = Programme.CODE, message = Programme.CODE_MESSAGE)
                    String code,
            @NotNull @Valid FundingDraft body) {
        return funded(code, Funding.Kind.CONTRIBUTION, body);
    }

    private Response funded(String code, Funding.Kind kind, FundingDraft body) {
        Programme funded = programmes.fund(code, kind, body);
        return Response.status(Response.Status.CREATED)
                .entity(ProgrammeView.of(funded))
                .build();
    }
}
