package org.assistance.programservice.activities;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Participants",
        description = "Who took part in an activity, by the agency's pseudonyms: kept here, published only as totals")
@SecurityRequirement(name = "bearer")
public class ParticipantResource {
    private final Roster roster;
    private final Caller caller;

    public ParticipantResource(Roster roster, Caller caller) {
        this.roster = roster;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS})
    @Operation(
            summary = "Put a participant on an activity's roster; the roster's totals are published (never the person)")
    @APIResponse(
            responseCode = "201",
            description = "On the roster; `Location` names the entry",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already on the roster (`participant-already-on-roster`), the activity was cancelled "
                    + "(`activity-cancelled`), or another change holds the activity (retry after `Retry-After`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The roster already holds " + Roster.MAX_PARTICIPANTS + " participants (`roster-full`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("id") UUID id, @NotNull @Valid ParticipantRegistration body, @Context UriInfo uri) {
        Roster.Participant added = roster.add(id, body.participantId(), body.toDetails(), caller.subject());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(added.entry().participantId)
                        .build())
                .entity(ParticipantView.of(added))
                .build();
    }

    @PUT
    @Path("/{id}/participants/{participantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS})
    @Operation(summary = "Replace what is recorded about a participant (post-test scores and certificates come later)")
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the entry as recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity, or the participant is not on its roster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The activity was cancelled (`activity-cancelled`), or another change holds it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParticipantView replace(
            @PathParam("id") UUID id,
            @PathParam("participantId")
                    @Size(max = 64)
                    @Pattern(
                            regexp = ParticipantRegistration.PARTICIPANT_ID,
                            message = ParticipantRegistration.PARTICIPANT_ID_MESSAGE)
                    String participantId,
            @NotNull @Valid ParticipantDetails body) {
        return ParticipantView.of(roster.replace(id, participantId, body.toDetails()));
    }

    @GET
    @Path("/{id}/participants")
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "An activity's roster, each participant with whether the agency's earlier activities had them")
    @APIResponse(
            responseCode = "200",
            description = "The roster, by participant id",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = ParticipantView.class,
                                            maxItems = Roster.MAX_PARTICIPANTS)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ParticipantView> roster(@PathParam("id") UUID id) {
        return roster.of(id).stream().map(ParticipantView::of).toList();
    }

    @GET
    @Path("/{id}/participants/summary")
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "What an activity's roster adds up to (as published, with no one's details)")
    @APIResponse(
            responseCode = "200",
            description = "The roster's totals and average scores",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantSummaryView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParticipantSummaryView summary(@PathParam("id") UUID id) {
        return ParticipantSummaryView.of(roster.summaryOf(id));
    }

    @GET
    @Path("/{id}/participants/{participantId}")
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "One participant of an activity's roster")
    @APIResponse(
            responseCode = "200",
            description = "The entry",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity, or the participant is not on its roster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParticipantView participant(
            @PathParam("id") UUID id,
            @PathParam("participantId")
                    @Size(max = 64)
                    @Pattern(
                            regexp = ParticipantRegistration.PARTICIPANT_ID,
                            message = ParticipantRegistration.PARTICIPANT_ID_MESSAGE)
                    String participantId) {
        return ParticipantView.of(roster.one(id, participantId));
    }
}
