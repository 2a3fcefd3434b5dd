package org.assistance.programservice.reviews;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.assistance.chassis.texts.Text;
import org.assistance.programservice.programmes.Programme;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.OPERATIONS})
    @Operation(
            summary = "Review cases in a status, most urgent first, then longest waiting, a page at a time",
            description = "Each case shows the State's endorsement (or none) and whether its approval waits for "
                    + "it; `endorsement` and `waitingForEndorsement` narrow the page to such cases.")
    @APIResponse(
            responseCode = "200",
            description = "One page of the queue",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewPage.class)))
    public ReviewPage list(
            @QueryParam("status") @DefaultValue("PENDING") ReviewStatus status,
            @QueryParam("endorsement")
                    @Parameter(
                            description = "Only cases the State endorsed (ENDORSED), declined to endorse (DECLINED) or "
                                    + "has said nothing about yet (NONE); by the State's latest word")
                    EndorsementFilter endorsement,
            @QueryParam("waitingForEndorsement")
                    @Parameter(
                            description = "true: only open cases whose State's review policy waits for its endorsement "
                                    + "and that the State has not endorsed (they cannot be approved yet); false: only "
                                    + "the others")
                    Boolean waitingForEndorsement,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = 200) @Schema(description = "From the previous page's `next`")
                    String cursor,
            @Context UriInfo uri) {
        List<Programme> programmes = Programme.listAll();
        ReviewQueue.Page page =
                queue.page(new ReviewQueue.Filter(status, endorsement, waitingForEndorsement), limit, cursor);
        // the page's requests for information, answers, endorsements and policies in a few reads, not per case
        ReviewCaseView.Beside beside = ReviewCaseView.Beside.of(page.cases());
        // only the parameters this operation knows: whatever else the request carried is not repeated
        String next = null;
        if (page.nextCursor() != null) {
            UriBuilder following = uri.getAbsolutePathBuilder().queryParam("status", status);
            if (endorsement != null) {
                following.queryParam("endorsement", endorsement);
            }
            if (waitingForEndorsement != null) {
                following.queryParam("waitingForEndorsement", waitingForEndorsement);
            }
            next = following
                    .queryParam("limit", limit)
                    .queryParam("cursor", page.nextCursor())
                    .build()
                    .toString();
        }
        return new ReviewPage(
                page.cases().stream()
                        .map(c -> ReviewCaseView.of(c, programmes, beside))
                        .toList(),
                next);
    }

    @GET
    @Path("/{requestId}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.OPERATIONS})
    @Operation(summary = "One review case")
    @APIResponse(
            responseCode = "200",
            description = "The review case",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewCaseView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No review case for this request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewCaseView get(@PathParam("requestId") UUID requestId) {
        ReviewCase review = ReviewCase.findById(requestId);
        if (review == null) {
            throw DomainRuleViolation.notFound(Text.of("review-case.not-found", "request", requestId.toString()));
        }
        return ReviewCaseView.of(review, Programme.listAll());
    }

    @POST
    @Path("/{requestId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(
            summary = "Approve (possibly partly), reject or ask the agency for information",
            description = "An approval above the four-eyes threshold waits for a second, different reviewer, who "
                    + "confirms it by approving the same content. Whatever the State's review policy, a request the "
                    + "State declined to endorse is not approved; where the policy waits for the State's endorsement, "
                    + "a request is approved only once the State endorsed it. Rejecting and asking for information "
                    + "are always possible.")
    @APIResponse(
            responseCode = "200",
            description = "Decided (or, above the threshold, awaiting the second reviewer)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ReviewCaseView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No review case for this request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "400",
            description = "Missing or inconsistent fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already decided, withdrawn by the agency, insufficient funds (for "
                    + "this request: unearmarked money, or an earmarked contribution for its country or thematic area), or the "
                    + "same reviewer twice, the State declined to endorse the request (`endorsement-declined`) or its "
                    + "review policy waits for an endorsement not given yet (`endorsement-awaited`), or another decision or change of the programme's funds holds it (retry after "
                    + "`Retry-After`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown programme, programme not serving the area, wrong currency, "
                    + "nothing deliverable approved (no equipment line, training or activity), or an equipment line naming an "
                    + "item unknown to or withdrawn from the catalogue (each such line in `errors`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReviewCaseView decide(@PathParam("requestId") UUID requestId, @NotNull @Valid DecisionBody body) {
        ReviewCase review = decisions.decide(requestId, body, caller.subject());
        return ReviewCaseView.of(review, Programme.listAll());
    }
}
