package org.assistance.reportingservice.timelines;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timelines", description = "Where is this request? Every event of it, across all services")
@SecurityRequirement(name = "bearer")
public class TimelineResource {
    private final Timelines timelines;
    private final Caller caller;

    public TimelineResource(Timelines timelines, Caller caller) {
        this.timelines = timelines;
        this.caller = caller;
    }

    @Schema(name = "TimelineEntry")
    public record Entry(UUID eventId, String type, OffsetDateTime time, String source, String summary) {
        static Entry of(TimelineEntry e) {
            return new Entry(e.eventId, e.eventType, e.occurredAt, e.source, e.summary);
        }
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "Every event of a request in order; partners read only their agency's timelines")
    public List<Entry> timeline(@PathParam("id") UUID id) {
        String agency = caller.agencyScope();
        return timelines.of(id, agency).stream().map(Entry::of).toList();
    }
}
