package org.assistance.chassis.asyncapi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Serves the AsyncAPI document beside the OpenAPI one, without authentication. */
@Path("/asyncapi")
@PermitAll
@Tag(name = "Events")
public class AsyncApiResource {
    private static final Map<String, Object> DOCUMENT = AsyncApiDocument.build();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "AsyncAPI 3.0 description of every topic and CloudEvents type of the platform")
    public Map<String, Object> document() {
        return DOCUMENT;
    }
}
