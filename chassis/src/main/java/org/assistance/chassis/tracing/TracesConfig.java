package org.assistance.chassis.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where a service's finished spans go, by environment: {@code ASSISTANCE_TRACES} = {@code none}
 * (the default: trace context is still created and carried by every event, nothing is written),
 * {@code logging} (each span as a line of the service's log) or {@code otlp} (OTLP over HTTP to
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, e.g. an OpenTelemetry Collector's port 4318).
 */
@ConfigMapping(prefix = "assistance.traces")
public interface TracesConfig {

    @WithDefault("none")
    Exporter exporter();

    /** Base URL of the OTLP/HTTP receiver; spans go to {@code <endpoint>/v1/traces}. */
    @WithDefault("http://localhost:4318")
    String otlpEndpoint();

    enum Exporter {
        NONE,
        LOGGING,
        OTLP
    }
}
