package org.assistance.programservice.reviews;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

    public ReviewResource(ReviewQueue queue) {
        this.queue = queue;
    }

    public record ReviewSummary(UUID requestId, String agencyId, String country, String thematicArea, String priority,
                                String title, Set<String> assistanceTypes, LocalDate desiredBy, ReviewStatus status,
                                OffsetDateTime submittedAt, long daysWaiting) {
        static ReviewSummary of(ReviewCase c) {
            return new ReviewSummary(c.requestId, c.agencyId, c.country, c.thematicArea, c.priority, c.title,
                    c.assistanceTypes, c.desiredBy, c.status, c.submittedAt,
                    Duration.between(c.submittedAt, OffsetDateTime.now()).toDays());
        }
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.OPERATIONS})
    @Operation(summary = "Review cases in a status, most urgent first, then longest waiting")
    public List<ReviewSummary> list(@QueryParam("status") @DefaultValue("PENDING") ReviewStatus status,
                                    @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return queue.inStatus(status, limit).stream().map(ReviewSummary::of).toList();
    }
}
