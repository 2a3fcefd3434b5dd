package org.assistance.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.assistance.deploy.manifests.KubernetesManifests.Resource;
import org.junit.jupiter.api.Test;

/** In the cluster the services export their spans over OTLP to the collector of deploy/k8s/observability, which listens for them. */
class TracesCollectorTest {

    @Test
    void the_services_send_their_spans_over_otlp_to_a_collector_service_that_listens_on_that_port() {
        KubernetesManifests manifests = KubernetesManifests.load();
        JsonNode platform = manifests
                .named("ConfigMap", ServiceDeploymentsTest.PLATFORM_CONFIG_MAP)
                .document()
                .path("data");
        assertThat(platform.path("ASSISTANCE_TRACES").asText())
                .as("ASSISTANCE_TRACES in the platform ConfigMap")
                .isEqualTo("otlp");
        URI endpoint =
                URI.create(platform.path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText());
        assertThat(endpoint.getScheme()).as("scheme of %s", endpoint).isEqualTo("http");

        // the endpoint names a Service of the platform and one of its ports...
        Resource service = manifests.named("Service", endpoint.getHost());
        JsonNode servicePort = null;
        for (JsonNode port : service.spec().path("ports")) {
            if (port.path("port").asInt() == endpoint.getPort()) {
                servicePort = port;
            }
        }
        assertThat(servicePort).as("port %s of %s", endpoint.getPort(), service).isNotNull();

        // ...whose pods open the port it sends to...
        Resource deployment = manifests.named("Deployment", endpoint.getHost());
        assertThat(SelectorsTest.serviceProblems(service.document(), List.of(deployment.document())))
                .isEmpty();
        JsonNode container = manifests.container(endpoint.getHost());
        String target = servicePort.path("targetPort").asText();
        JsonNode containerPort = null;
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(target)
                    || port.path("containerPort").asText().equals(target)) {
                containerPort = port;
            }
        }
        assertThat(containerPort)
                .as("container port %s of %s", target, deployment)
                .isNotNull();

        // ...and the collector's configuration, mounted from its ConfigMap, receives OTLP over HTTP there (the
        // services' exporter speaks OTLP/HTTP, not gRPC) into a traces pipeline
        String configPath = null;
        for (JsonNode argument : container.path("args")) {
            if (argument.asText().startsWith("--config=")) {
                configPath = argument.asText().substring("--config=".length());
            }
        }
        assertThat(configPath).as("--config of %s", deployment).isNotNull();
        JsonNode mount = null;
        for (JsonNode volumeMount : container.path("volumeMounts")) {
            if (configPath.startsWith(volumeMount.path("mountPath").asText() + "/")) {
                mount = volumeMount;
            }
        }
        assertThat(mount).as("the volume %s is read from", configPath).isNotNull();
        String volumeName = mount.path("name").asText();
        String configMap = null;
        for (JsonNode volume : deployment.spec().path("template").path("spec").path("volumes")) {
            if (volume.path("name").asText().equals(volumeName)) {
                configMap = volume.path("configMap").path("name").asText();
            }
        }
        assertThat(configMap).as("ConfigMap of volume %s", volumeName).isNotNull();
        String fileName = configPath.substring(configPath.lastIndexOf('/') + 1);
        String collectorYaml = manifests
                .named("ConfigMap", configMap)
                .document()
                .path("data")
                .path(fileName)
                .asText();
        JsonNode collector = Yaml.documents(collectorYaml).get(0);

        String http = collector
                .path("receivers")
                .path("otlp")
                .path("protocols")
                .path("http")
                .path("endpoint")
                .asText();
        assertThat(http)
                .as("the collector's OTLP/HTTP receiver")
                .isEqualTo("0.0.0.0:" + containerPort.path("containerPort").asInt());
        JsonNode traces = collector.path("service").path("pipelines").path("traces");
        assertThat(traces.path("receivers").toString())
                .as("receivers of the traces pipeline")
                .contains("\"otlp\"");
        assertThat(traces.path("exporters"))
                .as("exporters of the traces pipeline")
                .isNotEmpty();
        traces.path("exporters")
                .forEach(exporter -> assertThat(collector.path("exporters").has(exporter.asText()))
                        .as("exporter %s is configured", exporter)
                        .isTrue());
    }
}
