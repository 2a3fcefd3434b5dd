package org.assistance.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The smallest useful REST resource: what every service costs before it does anything of its own. */
@Path("/hello")
public class Greeting {
    public record Hello(String message) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Hello hello() {
        return new Hello("hello");
    }
}
