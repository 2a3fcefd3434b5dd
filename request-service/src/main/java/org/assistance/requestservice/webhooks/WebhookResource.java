package org.assistance.requestservice.webhooks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.UUID;
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

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Webhooks",
        description =
                "A partner agency's endpoints, told of every change to its requests (Standard Webhooks signatures)")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.PARTNER)
@APIResponse(
        responseCode = "401",
        description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "Not a partner agency",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhookResource {
    /** The next page's URL: this one's (at most the 4 KiB request line) on this host. */
    static final int MAX_NEXT_LINK = 8_192;

    static final int MAX_CURSOR = 200;

    private final Webhooks webhooks;
    private final Caller caller;

    public WebhookResource(Webhooks webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Subscribe an endpoint to notices about the agency's requests",
            description = "The answer holds the signing secret, shown this once. The URL must be https on a public "
                    + "address (checked now and before every delivery).")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed; the secret is in the answer",
            content = @Content(schema = @Schema(implementation = WebhookSecretView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid input (e.g. an unknown notice type), naming each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The agency already has " + Webhooks.MAX_PER_AGENCY + " webhooks",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "URL refused: not https, does not resolve, or resolves to an address webhooks may not "
                    + "reach (loopback, private, link-local, multicast, CGNAT...)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response subscribe(@NotNull @Valid WebhookDraft draft, @Context UriInfo uri) {
        WebhookSecretView created = webhooks.subscribe(caller.requireAgency(), draft);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.webhook().id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "The agency's webhooks (without their secrets)")
    @APIResponse(
            responseCode = "200",
            description = "The webhooks, oldest first",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            maxItems = Webhooks.MAX_PER_AGENCY,
                                            implementation = WebhookView.class)))
    public List<WebhookView> list() {
        return webhooks.of(caller.scope()).stream().map(WebhookView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the agency's webhooks")
    @APIResponse(
            responseCode = "200",
            description = "The webhook",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such webhook for this agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.visibleTo(id, caller.scope()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook: nothing more is sent to it, its pending deliveries included")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such webhook for this agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id) {
        webhooks.remove(id, caller.scope());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret-rotation")
    @Operation(
            summary = "Replace the webhook's secret",
            description =
                    "The new secret is in the answer, shown this once. The previous one still signs for 24 hours: "
                            + "meanwhile every delivery carries both signatures, space-separated in webhook-signature.")
    @APIResponse(
            responseCode = "200",
            description = "The new secret, and until when the previous one also signs",
            content = @Content(schema = @Schema(implementation = WebhookSecretView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such webhook for this agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookSecretView rotateSecret(@PathParam("id") UUID id) {
        return webhooks.rotateSecret(id, caller.scope());
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a webhook.test notice to the endpoint (delivered, signed and retried as any other)")
    @APIResponse(
            responseCode = "202",
            description = "Queued; the delivery log shows how it went",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such webhook for this agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The webhook is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response test(@PathParam("id") UUID id) {
        WebhookDelivery delivery = webhooks.test(id, caller.scope());
        return Response.accepted(DeliveryView.of(delivery, List.of())).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The webhook's delivery log, newest first: each notice, its attempts and next retry")
    @APIResponse(
            responseCode = "200",
            description = "One page, and the link to the next",
            content = @Content(schema = @Schema(implementation = DeliveryView.Page.class)))
    @APIResponse(
            responseCode = "400",
            description = "A limit out of range or a cursor this API did not give out",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such webhook for this agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView.Page deliveries(
            @PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Webhooks.MAX_PAGE) int limit,
            @Parameter(description = "Where the page starts: from the previous page's `next`")
                    @QueryParam("cursor")
                    @Size(max = MAX_CURSOR)
                    String cursor,
            @Context UriInfo uri) {
        Webhooks.LogPage page = webhooks.deliveries(id, caller.scope(), limit, cursor);
        String next = page.nextCursor() == null
                ? null
                : uri.getRequestUriBuilder()
                        .replaceQueryParam("cursor", page.nextCursor())
                        .build()
                        .toString();
        return new DeliveryView.Page(page.items(), next);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(
            summary = "Send a delivered or given-up notice again",
            description = "With the same webhook-id, and retried again for the retry window if the endpoint fails.")
    @APIResponse(
            responseCode = "202",
            description = "Queued again",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such webhook for this agency, or no such delivery of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Still pending, or the webhook is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        WebhookDelivery delivery = webhooks.retry(id, deliveryId, caller.scope());
        return Response.accepted(DeliveryView.of(delivery, List.of())).build();
    }
}
