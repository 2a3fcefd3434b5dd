package org.assistance.requestservice.documents;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.documents.DocumentKind;
import org.assistance.chassis.documents.DocumentTypes;
import org.assistance.chassis.documents.DocumentView;
import org.assistance.chassis.documents.Documents;
import org.assistance.chassis.problems.Problem;
import org.assistance.chassis.security.Caller;
import org.assistance.chassis.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Documents of a request and of its receipts. An upload's body is the file itself, sent with any of
 * the accepted media types (or application/octet-stream); its type is detected from the content.
 */
@Path("/api/v1/requests/{id}")
@Tag(name = "Documents", description = "Letters, licences and certificates attached to requests and receipts")
@SecurityRequirement(name = "bearer")
public class DocumentResource {
    private final RequestDocuments documents;
    private final Caller caller;

    public DocumentResource(RequestDocuments documents, Caller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @POST
    @Path("/documents")
    @Consumes({
        DocumentTypes.PDF,
        DocumentTypes.PNG,
        DocumentTypes.JPEG,
        DocumentTypes.DOCX,
        DocumentTypes.XLSX,
        DocumentTypes.ODT,
        MediaType.APPLICATION_OCTET_STREAM
    })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(
            summary = "Attach a document to a request: the body is the file (PDF, PNG, JPEG, DOCX, XLSX or ODT, "
                    + "at most 20 MB by default)")
    @RequestBody(
            required = true,
            description = "The file itself: PDF, PNG, JPEG, DOCX, XLSX or ODT (its type is detected from its content)")
    @APIResponse(
            responseCode = "201",
            description = "Stored; Location is its download",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The request has all the documents it may have",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "Larger than assistance.documents.max-bytes (counted as it streams in); nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The content is not a PDF, PNG, JPEG, DOCX, XLSX or ODT, whatever Content-Type said; "
                    + "nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response attach(
            @PathParam("id") UUID requestId,
            @Parameter(description = "What the document is") @QueryParam("kind") @NotNull DocumentKind kind,
            @Parameter(description = "A title to list it under") @QueryParam("title") @Size(max = Documents.MAX_TITLE)
                    String title,
            @Parameter(description = "The name it is downloaded under (the detected type's extension is added)")
                    @QueryParam("filename")
                    @Size(max = Documents.MAX_FILENAME)
                    String filename,
            InputStream body,
            @Context UriInfo uri) {
        DocumentView document =
                documents.attach(requestId, caller.scope(), kind, title, filename, body, caller.subject());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(document.id().toString())
                        .build())
                .entity(document)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/documents")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "The request's documents, oldest first (metadata; each downloads from its own URL)")
    @APIResponse(
            responseCode = "200",
            description = "The documents",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            maxItems = Documents.MAX_PER_ATTACHMENT,
                                            implementation = DocumentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DocumentView> list(@PathParam("id") UUID requestId) {
        return documents.of(requestId, caller.scope());
    }

    @GET
    @Path("/documents/{documentId}")
    @Produces({
        DocumentTypes.PDF,
        DocumentTypes.PNG,
        DocumentTypes.JPEG,
        DocumentTypes.DOCX,
        DocumentTypes.XLSX,
        DocumentTypes.ODT
    })
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "Download a document of the request, as an attachment of its detected type")
    @APIResponse(responseCode = "200", description = "The content (Content-Disposition: attachment)")
    @APIResponse(
            responseCode = "404",
            description = "No such request for this caller, or no such document of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(@PathParam("id") UUID requestId, @PathParam("documentId") UUID documentId) {
        return documents.download(requestId, caller.scope(), documentId).answer();
    }

    @POST
    @Path("/receipts/{shipmentId}/documents")
    @Consumes({
        DocumentTypes.PDF,
        DocumentTypes.PNG,
        DocumentTypes.JPEG,
        DocumentTypes.DOCX,
        DocumentTypes.XLSX,
        DocumentTypes.ODT,
        MediaType.APPLICATION_OCTET_STREAM
    })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(
            summary = "Attach a document (e.g. the signed handover certificate) to the agency's receipt of a shipment")
    @RequestBody(
            required = true,
            description = "The file itself: PDF, PNG, JPEG, DOCX, XLSX or ODT (its type is detected from its content)")
    @APIResponse(
            responseCode = "201",
            description = "Stored; Location is its download",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this agency, or no receipt of that shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The receipt has all the documents it may have",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "Larger than assistance.documents.max-bytes (counted as it streams in); nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The content is not a PDF, PNG, JPEG, DOCX, XLSX or ODT, whatever Content-Type said; "
                    + "nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response attachToReceipt(
            @PathParam("id") UUID requestId,
            @PathParam("shipmentId") UUID shipmentId,
            @Parameter(description = "What the document is") @QueryParam("kind") @NotNull DocumentKind kind,
            @Parameter(description = "A title to list it under") @QueryParam("title") @Size(max = Documents.MAX_TITLE)
                    String title,
            @Parameter(description = "The name it is downloaded under (the detected type's extension is added)")
                    @QueryParam("filename")
                    @Size(max = Documents.MAX_FILENAME)
                    String filename,
            InputStream body,
            @Context UriInfo uri) {
        DocumentView document = documents.attachToReceipt(
                requestId, shipmentId, caller.scope(), kind, title, filename, body, caller.subject());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(document.id().toString())
                        .build())
                .entity(document)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/receipts/{shipmentId}/documents")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "The documents of the agency's receipt of a shipment, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The documents",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            maxItems = Documents.MAX_PER_ATTACHMENT,
                                            implementation = DocumentView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such request for this caller, or no receipt of that shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DocumentView> receiptDocuments(
            @PathParam("id") UUID requestId, @PathParam("shipmentId") UUID shipmentId) {
        return documents.ofReceipt(requestId, shipmentId, caller.scope());
    }

    @GET
    @Path("/receipts/{shipmentId}/documents/{documentId}")
    @Produces({
        DocumentTypes.PDF,
        DocumentTypes.PNG,
        DocumentTypes.JPEG,
        DocumentTypes.DOCX,
        DocumentTypes.XLSX,
        DocumentTypes.ODT
    })
    @RolesAllowed({Roles.PARTNER, Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "Download a document of the agency's receipt, as an attachment of its detected type")
    @APIResponse(responseCode = "200", description = "The content (Content-Disposition: attachment)")
    @APIResponse(
            responseCode = "404",
            description = "No such request, receipt or document for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receiptDocument(
            @PathParam("id") UUID requestId,
            @PathParam("shipmentId") UUID shipmentId,
            @PathParam("documentId") UUID documentId) {
        return documents
                .downloadFromReceipt(requestId, shipmentId, caller.scope(), documentId)
                .answer();
    }
}
