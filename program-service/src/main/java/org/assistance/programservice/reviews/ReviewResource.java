package org.assistance.programservice.reviews;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.TrainingNeed;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.programservice.programmes.Programme;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "The review queue of submitted requests")
@SecurityRequirement(name = "bearer")
public class ReviewResource {
    private final ReviewQueue queue;
    private final Decisions decisions;
    private final Caller caller;

    public ReviewResource(ReviewQueue queue, Decisions decisions, Caller caller) {
        this.queue = queue;
        this.decisions = decisions;
        this.caller = caller;
    }

    @Schema(name = "MatchingProgramme", description = "A programme serving the request's thematic area, and what it has available")
    public record MatchingProgramme(@Schema(maxLength = 20) String code, @Schema(maxLength = 200) String name,
                                    Money available) {
    }

    @Schema(name = "ReviewCase")
    public record ReviewSummary(UUID requestId, @Schema(maxLength = 100) String agencyId,
                                @Schema(minLength = 2, maxLength = 2) String country,
                                @Schema(maxLength = 40) String thematicArea,
                                @Schema(enumeration = {"URGENT", "HIGH", "MEDIUM", "LOW"}, maxLength = 10) String priority,
                                @Schema(maxLength = 200) String title,
                                @Schema(maxItems = 6) Set<@Size(max = 40) String> assistanceTypes, LocalDate desiredBy,
                                @Schema(maxItems = 100) List<AskedLine> equipmentLines,
                                @Schema(maxItems = 50) List<AskedTraining> trainingNeeds,
                                Money estimatedValue, ReviewStatus status, OffsetDateTime submittedAt,
                                @Schema(minimum = "0", maximum = "36500") long daysWaiting,
                                @Schema(maxItems = Programme.MAX_PROGRAMMES) List<MatchingProgramme> matchingProgrammes,
                                Approval pendingApproval,
                                @Schema(maxItems = 2, description = "The reviewers as their tokens name them "
                                        + "(two above the four-eyes threshold)")
                                List<@Size(max = 100) String> decidedBy) {
        static ReviewSummary of(ReviewCase c, List<Programme> programmes) {
            return new ReviewSummary(c.requestId, c.agencyId, c.country, c.thematicArea, c.priority, c.title,
                    c.assistanceTypes, c.desiredBy, c.equipmentLines.stream().map(AskedLine::of).toList(),
                    c.trainingNeeds.stream().map(AskedTraining::of).toList(),
                    c.estimatedAmount == null ? null : new Money(c.estimatedAmount, c.estimatedCurrency), c.status,
                    c.submittedAt, daysBetween(c.submittedAt, OffsetDateTime.now()),
                    programmes.stream().filter(p -> p.serves(c.thematicArea))
                            .map(p -> new MatchingProgramme(p.code, p.name, p.money(p.available()))).toList(),
                    c.pendingApproval, c.decidedBy);
        }

        /** Whole days, never negative (a clock ahead of ours), at most a century. */
        static long daysBetween(OffsetDateTime from, OffsetDateTime to) {
            return Math.min(36_500, Math.max(0, Duration.between(from, to).toDays()));
        }
    }

    /** An equipment line as the agency asked for it, bounded as request-service accepts it. */
    @Schema(name = "EquipmentLine")
    public record AskedLine(@Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,
                            @Schema(minimum = "1", maximum = "10000", example = "4") int quantity,
                            @Schema(maxLength = 2_000) String justification) {
        static AskedLine of(EquipmentLine line) {
            return new AskedLine(line.itemCode(), line.quantity(), line.justification());
        }
    }

    /** A training the agency asked for, bounded as request-service accepts it. */
    @Schema(name = "TrainingNeed")
    public record AskedTraining(@Schema(maxLength = 200, example = "Mobile device forensics") String topic,
                                @Schema(minimum = "1", maximum = "10000", example = "20") int expectedParticipants) {
        static AskedTraining of(TrainingNeed need) {
            return new AskedTraining(need.topic(), need.expectedParticipants());
        }
    }

    @Schema(name = "ReviewPage", description = "One page of review cases; follow `next` for the following page")
    public record Page(@Schema(maxItems = 100) List<ReviewSummary> items,
                       @Schema(maxLength = 2048, format = "uri", description = "The next page; absent on the last one")
                       String next) {
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.OPERATIONS})
    @Operation(summary = "Review cases in a status, most urgent first, then longest waiting, a page at a time")
    @APIResponse(responseCode = "200", description = "One page of the queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    public Page list(@QueryParam("status") @DefaultValue("PENDING") ReviewStatus status,
                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
                     @QueryParam("cursor") @Size(max = 200) @Schema(description = "From the previous page's `next`")
                     String cursor, @Context UriInfo uri) {
        List<Programme> programmes = Programme.listAll();
        ReviewQueue.Page page = queue.inStatus(status, limit, cursor);
        // only the parameters this operation knows: whatever else the request carried is not repeated
        String next = page.nextCursor() == null ? null
                : uri.getAbsolutePathBuilder().queryParam("status", status).queryParam("limit", limit)
                .queryParam("cursor", page.nextCursor()).build().toString();
        return new Page(page.cases().stream().map(c -> ReviewSummary.of(c, programmes)).toList(), next);
    }

    @GET
    @Path("/{requestId}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.OPERATIONS})
    @Operation(summary = "One review case")
    @APIResponse(responseCode = "200", description = "The review case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewSummary.class)))
    @APIResponse(responseCode = "404", description = "No review case for this request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewSummary get(@PathParam("requestId") UUID requestId) {
        ReviewCase review = ReviewCase.findById(requestId);
        if (review == null) {
            throw DomainRuleViolation.notFound("Review case " + requestId);
        }
        return ReviewSummary.of(review, Programme.listAll());
    }

    @POST
    @Path("/{requestId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Approve (possibly partly), reject or ask the agency for information",
            description = "An approval above the four-eyes threshold waits for a second, different reviewer, who "
                    + "confirms it by approving the same content.")
    @APIResponse(responseCode = "200", description = "Decided (or, above the threshold, awaiting the second reviewer)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewSummary.class)))
    @APIResponse(responseCode = "404", description = "No review case for this request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Missing or inconsistent fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided, withdrawn by the agency, insufficient funds (for "
            + "this request: unearmarked money, or an earmarked contribution for its country or thematic area), or the "
            + "same reviewer twice, or another decision or change of the programme's funds holds it (retry after "
            + "`Retry-After`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown programme, programme not serving the area, wrong currency, "
            + "nothing deliverable approved (no equipment line, training or activity), or an equipment line naming an "
            + "item unknown to or withdrawn from the catalogue (each such line in `errors`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewSummary decide(@PathParam("requestId") UUID requestId, @NotNull @Valid DecisionBody body) {
        ReviewCase review = decisions.decide(requestId, body, caller.subject());
        return ReviewSummary.of(review, Programme.listAll());
    }
}
