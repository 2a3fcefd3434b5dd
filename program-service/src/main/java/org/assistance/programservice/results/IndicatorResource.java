package org.assistance.programservice.results;

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
import java.util.UUID;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.programservice.programmes.Programme;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/programmes/{code}/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "A programme's results framework: its indicators and their measurements")
@SecurityRequirement(name = "bearer")
public class IndicatorResource {
    private final ResultsFramework results;
    private final Caller caller;

    public IndicatorResource(ResultsFramework results, Caller caller) {
        this.results = results;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "Define an indicator of a programme (published, keyed by the programme)")
    @APIResponse(
            responseCode = "201",
            description = "Defined; `Location` names the indicator",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A unit other than the computation's (`unit-disagrees-with-computation`), or the "
                    + "programme already states " + ResultsFramework.MAX_INDICATORS + " indicators",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response define(
            @PathParam("code") @Size(max = 20) @Pattern(regexp = Programme.CODE, message = Programme.CODE_MESSAGE)
                    String code,
            @NotNull @Valid IndicatorDraft body,
            @Context UriInfo uri) {
        Indicator indicator = results.define(code, body, caller.subject());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(indicator.id.toString())
                        .build())
                .entity(IndicatorView.of(indicator, List.of()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS, Roles.LOGISTICS, Roles.DONOR})
    @Operation(summary = "A programme's indicators with their measurements; donors only of a programme they fund")
    @APIResponse(
            responseCode = "200",
            description = "The indicators, in the order they were defined",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = IndicatorView.class,
                                            maxItems = ResultsFramework.MAX_INDICATORS)))
    @APIResponse(
            responseCode = "404",
            description = "No such programme (or, for a donor, not one it funds)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<IndicatorView> indicators(
            @PathParam("code") @Size(max = 20) @Pattern(regexp = Programme.CODE, message = Programme.CODE_MESSAGE)
                    String code) {
        return results.indicatorsOf(code, caller.scope()).stream()
                .map(m -> IndicatorView.of(m.indicator(), m.measurements()))
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS, Roles.LOGISTICS, Roles.DONOR})
    @Operation(summary = "One indicator of a programme with its measurements")
    @APIResponse(
            responseCode = "200",
            description = "The indicator",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such programme or indicator (or, for a donor, not a programme it funds)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IndicatorView indicator(
            @PathParam("code") @Size(max = 20) @Pattern(regexp = Programme.CODE, message = Programme.CODE_MESSAGE)
                    String code,
            @PathParam("id") UUID id) {
        ResultsFramework.Measured measured = results.indicator(code, id, caller.scope());
        return IndicatorView.of(measured.indicator(), measured.measurements());
    }

    @POST
    @Path("/{id}/measurements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS})
    @Operation(summary = "Enter a value measured for an indicator the platform does not compute, with its source")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; `Location` names the indicator's measurements",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such programme or indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The platform computes the indicator (`indicator-computed`), the period, country and sex "
                    + "were measured already (`measurement-exists`), or another change holds the indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The indicator already holds " + ResultsFramework.MAX_MEASUREMENTS + " measurements",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response measure(
            @PathParam("code") @Size(max = 20) @Pattern(regexp = Programme.CODE, message = Programme.CODE_MESSAGE)
                    String code,
            @PathParam("id") UUID id,
            @NotNull @Valid MeasurementDraft body,
            @Context UriInfo uri) {
        Measurement measurement = results.measure(code, id, body, caller.subject());
        return Response.created(uri.getAbsolutePath())
                .entity(MeasurementView.of(measurement))
                .build();
    }

    @GET
    @Path("/{id}/measurements")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.OPERATIONS, Roles.LOGISTICS, Roles.DONOR})
    @Operation(summary = "The measurements entered for an indicator, by period")
    @APIResponse(
            responseCode = "200",
            description = "The measurements, by period, country and sex",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = MeasurementView.class,
                                            maxItems = ResultsFramework.MAX_MEASUREMENTS)))
    @APIResponse(
            responseCode = "404",
            description = "No such programme or indicator (or, for a donor, not a programme it funds)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<MeasurementView> measurements(
            @PathParam("code") @Size(max = 20) @Pattern(regexp = Programme.CODE, message = Programme.CODE_MESSAGE)
                    String code,
            @PathParam("id") UUID id) {
        return results.indicator(code, id, caller.scope()).measurements().stream()
                .map(MeasurementView::of)
                .toList();
    }
}
