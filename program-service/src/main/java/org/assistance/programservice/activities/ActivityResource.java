package org.assistance.programservice.activities;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
        name = "Activities",
        description = "Trainings, missions, reviews, assessments and knowledge activities of approved requests")
@SecurityRequirement(name = "bearer")
public class ActivityResource {
    private final Activities activities;
    private final Caller caller;

    public ActivityResource(Activities activities, Caller caller) {
        this.activities = activities;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "The activities of one request")
    @APIResponse(
            responseCode = "200",
            description = "The request's activities, by planned start (none for an unknown " + "or unapproved request)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = ActivityView.class,
                                            maxItems = MAX_PER_REQUEST)))
    public List<ActivityView> list(@QueryParam("requestId") @NotNull UUID requestId) {
        // one request's only: the activities of all requests would be a list without end
        return Activity.<Activity>list("requestId = ?1 order by plannedStart, id", requestId).stream()
                .map(ActivityView::of)
                .toList();
    }

    /**
     * The most activities one approval plans: up to 50 trainings and 50 named activities (without
     * named ones, one per non-equipment kind of assistance asked: four at most).
     */
    static final int MAX_PER_REQUEST = 100;

    @POST
    @Path("/{id}/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS})
    @Operation(summary = "Record that an activity took place; its cost is disbursed against the programme")
    @APIResponse(
            responseCode = "200",
            description = "Delivered; the activity as recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already delivered or cancelled, or another change holds the "
                    + "activity or its programme (retry after `Retry-After`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The cost is more than is left of the request's commitment, or "
                    + "not in the programme's currency; the participants do not add up "
                    + "(`participants-do-not-add-up`) or differ from the activity's roster "
                    + "(`participants-disagree-with-roster`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActivityView deliver(@PathParam("id") UUID id, @NotNull @Valid DeliveryReport body) {
        Activities.Delivery delivery = new Activities.Delivery(
                body.actualStart(),
                body.actualEnd(),
                body.participants() == null ? null : body.participants().toParticipants(),
                body.authoritiesReached() == null ? List.of() : body.authoritiesReached(),
                body.outcome().strip(),
                body.cost().toMoney());
        return ActivityView.of(activities.deliver(id, delivery));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS})
    @Operation(summary = "Cancel a planned activity, with the reason (the request can then end without it)")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled; the activity as recorded",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already delivered or cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActivityView cancel(@PathParam("id") UUID id, @NotNull @Valid ActivityCancellation body) {
        return ActivityView.of(activities.cancel(id, body.reason().strip(), caller.subject()));
    }
}
