package org.assistance.chassis.deadletters;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.assistance.chassis.http.Pages;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's dead letters, for admins: list, read, replay once the cause is fixed, or discard with a reason. */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Records this service's consumers could not handle, and what became of them")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {
    private final DeadLetterStore store;
    private final DeadLetterDesk desk;
    private final Caller caller;

    public DeadLetterResource(DeadLetterStore store, DeadLetterDesk desk, Caller caller) {
        this.store = store;
        this.desk = desk;
        this.caller = caller;
    }

    @GET
    @Transactional
    @Operation(
            summary = "Dead letters, oldest first",
            description = "A Link header with rel=\"next\" while more follow.")
    @APIResponse(
            responseCode = "200",
            description = "A page of dead letters",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Link",
                            description = Pages.LINK_DESCRIPTION,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 8192)),
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = DeadLetter.class,
                                            maxItems = 1000)))
    public Response list(
            @Parameter(description = "Only letters in this state") @QueryParam("status") DeadLetter.Status status,
            @Parameter(description = "Only this consumer's") @QueryParam("consumer") @Size(max = 100) String consumer,
            @Parameter(description = "Only from this topic") @QueryParam("topic") @Size(max = 200) String topic,
            @Parameter(description = Pages.CURSOR_DESCRIPTION) @QueryParam("cursor") @Size(max = 200) String cursor,
            @Parameter(description = Pages.LIMIT_DESCRIPTION)
                    @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(1)
                    @Max(Pages.MAX)
                    int limit,
            @Context UriInfo uri) {
        UUID after = cursor == null ? null : Pages.read(cursor, 1, parts -> UUID.fromString(parts[0]));
        return Pages.of(
                store.page(status, blankAsNull(consumer), blankAsNull(topic), after, limit + 1),
                limit,
                letter -> letter,
                letter -> new Object[] {letter.id()},
                uri);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "A dead letter and its record: key, headers and value as they were read")
    @APIResponse(
            responseCode = "200",
            description = "The dead letter",
            content = @Content(schema = @Schema(implementation = ParkedRecord.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedRecord get(@PathParam("id") UUID id) {
        DeadLetter letter = store.find(id).orElseThrow(() -> DeadLetterDesk.notFound(id));
        ConsumerRecord<String, byte[]> record = store.record(id).orElseThrow(() -> DeadLetterDesk.notFound(id));
        java.util.List<ParkedRecord.RecordHeader> headers = new java.util.ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new ParkedRecord.RecordHeader(
                    header.key(), header.value() == null ? null : ParkedRecord.text(header.value())));
        }
        return new ParkedRecord(
                letter,
                record.key(),
                headers,
                ParkedRecord.text(record.value()),
                record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(
            summary = "Hand the record to its consumer again, once its cause is fixed",
            description = "Through the consumer's normal idempotent path, in one transaction with the letter's "
                    + "new state and its audit entry. Asked again, a replayed letter answers as it is: nothing "
                    + "happens twice. A replay that fails again leaves the letter pending (422).")
    @APIResponse(
            responseCode = "200",
            description = "Replayed (resolution HANDLED, HANDLED_BEFORE or NOT_NEEDED), now or before",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Discarded, or its consumer does not run in this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "It still fails; the reason is in the detail, the letter stays pending",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "A part was briefly away; nothing was recorded, try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetter replay(@PathParam("id") UUID id) {
        return desk.replay(id, caller.subject());
    }

    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set the letter aside for good, saying why",
            description = "Asked again, a discarded letter answers as it is, with its first reason.")
    @APIResponse(
            responseCode = "200",
            description = "Discarded, now or before",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Replayed already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetter discard(@PathParam("id") UUID id, @Valid @NotNull Discard discard) {
        return desk.discard(id, caller.subject(), discard.reason().trim());
    }

    /** Why a letter is set aside. */
    @Schema(name = "DeadLetterDiscard")
    public record Discard(
            @Schema(description = "Why the record needs no handling", maxLength = 2000, required = true)
            @NotBlank(message = "{dead-letters.reason-required}")
            @Size(max = 2000)
            String reason) {}

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
