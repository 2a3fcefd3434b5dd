package org.assistance.chassis.tracing;

import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The span processor that sends finished spans where {@link TracesConfig} says, chosen when the
 * service starts. Quarkus' own exporter choice is fixed when the service is built; this one
 * follows the environment, so one build runs quietly on a laptop, with spans in its log under
 * {@code platform up --traces}, and to a collector in Kubernetes.
 */
@ApplicationScoped
public class TraceExport {
    private static final Logger LOG = Logger.getLogger(TraceExport.class);

    @Produces
    @Singleton
    SpanProcessor spanProcessor(TracesConfig config) {
        return switch (config.exporter()) {
            case NONE -> SpanProcessor.composite();
            // at once, not batched: the line is in the log as soon as the span ends
            case LOGGING -> SimpleSpanProcessor.create(LoggingSpanExporter.create());
            case OTLP -> {
                String endpoint = config.otlpEndpoint().replaceAll("/+$", "") + "/v1/traces";
                LOG.infof("Traces are sent over OTLP/HTTP to %s", endpoint);
                yield BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                                .setEndpoint(endpoint)
                                .build())
                        .build();
            }
        };
    }
}
