package org.assistance.programservice.reviews;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
    public record MatchingProgramme(String code, String name, Money available) {
    }

    @Schema(name = "ReviewCase")
    public record ReviewSummary(UUID requestId, String agencyId, String country, String thematicArea, String priority,
                                String title, Set<String> assistanceTypes, LocalDate desiredBy,
                                List<EquipmentLine> equipmentLines, List<TrainingNeed> trainingNeeds,
                                Money estimatedValue, ReviewStatus status, OffsetDateTime submittedAt, long daysWaiting,
                                List<MatchingProgramme> matchingProgrammes, Approval pendingApproval,
                                List<String> decidedBy) {
        static ReviewSummary of(ReviewCase c, List<Programme> programmes) {
            return new ReviewSummary(c.requestId, c.agencyId, c.country, c.thematicArea, c.priority, c.title,
                    c.assistanceTypes, c.desiredBy, c.equipmentLines, c.trainingNeeds,
                    c.estimatedAmount == null ? null : new Money(c.estimatedAmount, c.estimatedCurrency), c.status,
                    c.submittedAt, Duration.between(c.submittedAt, OffsetDateTime.now()).toDays(),
                    programmes.stream().filter(p -> p.serves(c.thematicArea))
                            .map(p -> new MatchingProgramme(p.code, p.name, p.money(p.available()))).toList(),
                    c.pendingApproval, c.decidedBy);
        }
    }

    @Schema(name = "ReviewPage", description = "One page of review cases; follow `next` for the following page")
    public record Page(List<ReviewSummary> items, String next) {
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.OPERATIONS})
    @Operation(summary = "Review cases in a status, most urgent first, then longest waiting, a page at a time")
    public Page list(@QueryParam("status") @DefaultValue("PENDING") ReviewStatus status,
                     @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
                     @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        List<Programme> programmes = Programme.listAll();
        ReviewQueue.Page page = queue.inStatus(status, limit, cursor);
        String next = page.nextCursor() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build().toString();
        return new Page(page.cases().stream().map(c -> ReviewSummary.of(c, programmes)).toList(), next);
    }

    @GET
    @Path("/{requestId}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.OPERATIONS})
    @Operation(summary = "One review case")
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
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReviewSummary.class)))
    @APIResponse(responseCode = "400", description = "Missing or inconsistent fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided, withdrawn by the agency, insufficient funds (for "
            + "this request: unearmarked money, or an earmarked contribution for its country or thematic area), or the "
            + "same reviewer twice",
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
