package org.assistance.programservice.activities;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "Trainings, missions, reviews, assessments and knowledge activities of approved requests")
@SecurityRequirement(name = "bearer")
public class ActivityResource {
    private final Activities activities;
    private final Caller caller;

    public ActivityResource(Activities activities, Caller caller) {
        this.activities = activities;
        this.caller = caller;
    }

    @Schema(name = "Activity")
    public record ActivityView(UUID id, UUID requestId, @Schema(maxLength = 20) String programmeCode,
                               ActivityKind kind, @Schema(maxLength = 200) String title,
                               LocalDate plannedStart, LocalDate plannedEnd,
                               @Schema(minimum = "0", maximum = "10000") int expectedParticipants,
                               Activity.Status status, LocalDate actualStart, LocalDate actualEnd,
                               @Schema(minimum = "0", maximum = "100000") Integer participantsWomen,
                               @Schema(minimum = "0", maximum = "100000") Integer participantsMen,
                               @Schema(minimum = "0", maximum = "200000") Integer participantsTotal,
                               @Schema(maxItems = 50) List<@Size(max = 200) String> authoritiesReached,
                               @Schema(maxLength = 5_000) String outcome,
                               @Schema(minimum = "0", maximum = "999999999999999.99") BigDecimal disbursed,
                               OffsetDateTime deliveredAt, @Schema(maxLength = 2_000) String cancellationReason,
                               @Schema(maxLength = 100, description = "Who cancelled it, as their token names them "
                                       + "(the chassis accepts 100 characters at most)")
                               String cancelledBy, OffsetDateTime cancelledAt) {
        static ActivityView of(Activity a) {
            return new ActivityView(a.id, a.requestId, a.programmeCode, a.kind, a.title, a.plannedStart, a.plannedEnd,
                    a.expectedParticipants, a.status, a.actualStart, a.actualEnd, a.participantsWomen,
                    a.participantsMen, a.participantsTotal, a.authoritiesReached, a.outcome, a.disbursed,
                    a.deliveredAt, a.cancellationReason, a.cancelledBy, a.cancelledAt);
        }
    }

    @Schema(name = "ActivityCancellation")
    public record CancellationBody(
            @NotBlank @Size(max = 2_000) @Schema(example = "The ministry postponed the reform indefinitely") String reason) {
    }

    @Schema(name = "ActivityDelivery")
    public record DeliveryBody(
            @NotNull @PastOrPresent @Schema(example = "2027-03-01", description = "From 2000-01-01 to today")
            LocalDate actualStart,
            @NotNull @PastOrPresent @Schema(example = "2027-03-05", description = "From actualStart to today")
            LocalDate actualEnd,
            @NotNull @Valid ParticipantsBody participants,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> authoritiesReached,
            @NotBlank @Size(max = 5_000) @Schema(example = "18 examiners certified on mobile extraction") String outcome,
            @NotNull @Valid MoneyInput cost) {
    }

    @Schema(name = "Participants")
    public record ParticipantsBody(@Min(0) @Max(100_000) @Schema(example = "8") int women,
                                   @Min(0) @Max(100_000) @Schema(example = "10") int men,
                                   @Min(0) @Max(200_000) @Schema(example = "18") int total) {
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "The activities of one request")
    @APIResponse(responseCode = "200", description = "The request's activities, by planned start (none for an unknown "
            + "or unapproved request)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ActivityView.class, maxItems = MAX_PER_REQUEST)))
    public List<ActivityView> list(@QueryParam("requestId") @NotNull UUID requestId) {
        // one request's only: the activities of all requests would be a list without end
        return Activity.<Activity>list("requestId = ?1 order by plannedStart, id", requestId).stream()
                .map(ActivityView::of).toList();
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
    @APIResponse(responseCode = "200", description = "Delivered; the activity as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already delivered or cancelled, or another change holds the "
            + "activity or its programme (retry after `Retry-After`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The cost is more than is left of the request's commitment, or "
            + "not in the programme's currency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActivityView deliver(@PathParam("id") UUID id, @NotNull @Valid DeliveryBody body) {
        Activities.Delivery delivery = new Activities.Delivery(body.actualStart(), body.actualEnd(),
                body.participants().women(), body.participants().men(), body.participants().total(),
                body.authoritiesReached() == null ? List.of() : body.authoritiesReached(), body.outcome().strip(),
                body.cost().toMoney());
        return ActivityView.of(activities.deliver(id, delivery));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS})
    @Operation(summary = "Cancel a planned activity, with the reason (the request can then end without it)")
    @APIResponse(responseCode = "200", description = "Cancelled; the activity as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "404", description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already delivered or cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActivityView cancel(@PathParam("id") UUID id, @NotNull @Valid CancellationBody body) {
        return ActivityView.of(activities.cancel(id, body.reason().strip(), caller.subject()));
    }
}
