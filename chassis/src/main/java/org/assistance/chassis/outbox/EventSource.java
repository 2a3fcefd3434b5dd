package org.assistance.chassis.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The CloudEvents {@code source} of this service, e.g. {@code /request-service}. */
@ApplicationScoped
public class EventSource {
    private final String uri;

    public EventSource(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.uri = "/" + applicationName;
    }

    public String uri() {
        return uri;
    }
}
