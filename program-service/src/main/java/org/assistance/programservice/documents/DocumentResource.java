package org.assistance.programservice.documents;

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
 * Documents of an activity (training report, attendance...), attached by programme staff. An upload's body is
 * the file itself; its type is detected from the content.
 * The class path is the one the service's other resource under it has: JAX-RS picks one root class
 * per request, and a longer one would hide that resource's operations.
 */
@Path("/api/v1/activities")
@Tag(name = "Documents", description = "Training reports and other documents attached to activities")
@SecurityRequirement(name = "bearer")
public class DocumentResource {
    private final ActivityDocuments documents;
    private final Caller caller;

    public DocumentResource(ActivityDocuments documents, Caller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/documents")
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
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(
            summary = "Attach a document to an activity: the body is the file (PDF, PNG, JPEG, DOCX, XLSX or ODT, "
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
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The activity has all the documents it may have",
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
            @PathParam("id") UUID id,
            @Parameter(description = "What the document is") @QueryParam("kind") @NotNull DocumentKind kind,
            @Parameter(description = "A title to list it under") @QueryParam("title") @Size(max = Documents.MAX_TITLE)
                    String title,
            @Parameter(description = "The name it is downloaded under (the detected type's extension is added)")
                    @QueryParam("filename")
                    @Size(max = Documents.MAX_FILENAME)
                    String filename,
            InputStream body,
            @Context UriInfo uri) {
        DocumentView document = documents.attach(id, caller.scope(), kind, title, filename, body, caller.subject());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(document.id().toString())
                        .build())
                .entity(document)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/{id}/documents")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "The activity's documents, oldest first (metadata; each downloads from its own URL)")
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
            description = "No such activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DocumentView> list(@PathParam("id") UUID id) {
        return documents.of(id, caller.scope());
    }

    @GET
    @Path("/{id}/documents/{documentId}")
    @Produces({
        DocumentTypes.PDF,
        DocumentTypes.PNG,
        DocumentTypes.JPEG,
        DocumentTypes.DOCX,
        DocumentTypes.XLSX,
        DocumentTypes.ODT
    })
    @RolesAllowed({Roles.REVIEWER, Roles.LOGISTICS, Roles.OPERATIONS, Roles.ADMIN})
    @Operation(summary = "Download a document of the activity, as an attachment of its detected type")
    @APIResponse(responseCode = "200", description = "The content (Content-Disposition: attachment)")
    @APIResponse(
            responseCode = "404",
            description = "No such activity, or no such document of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return documents.download(id, caller.scope(), documentId).answer();
    }
}
