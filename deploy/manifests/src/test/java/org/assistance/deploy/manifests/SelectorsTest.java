package org.assistance.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assistance.deploy.manifests.KubernetesManifests.Resource;
import org.junit.jupiter.api.Test;

/**
 * Selectors find the pods they are meant for: a Deployment whose selector misses its own pod template's
 * labels is refused by the API server, and a Service whose selector matches no pod answers nothing, which
 * nothing refuses.
 */
class SelectorsTest {

    @Test
    void every_deployment_selects_the_pods_of_its_own_template() {
        List<Resource> deployments = KubernetesManifests.load().ofKind("Deployment");
        assertThat(deployments).isNotEmpty();
        List<String> problems = new ArrayList<>();
        deployments.forEach(deployment -> problems.addAll(deploymentProblems(deployment.document())));
        assertThat(problems).isEmpty();
    }

    @Test
    void every_service_selects_the_pods_of_a_deployment_and_sends_to_a_port_they_open() {
        KubernetesManifests manifests = KubernetesManifests.load();
        List<JsonNode> deployments =
                manifests.ofKind("Deployment").stream().map(Resource::document).toList();
        List<Resource> services = manifests.ofKind("Service");
        assertThat(services).isNotEmpty();
        List<String> problems = new ArrayList<>();
        services.forEach(service -> problems.addAll(serviceProblems(service.document(), deployments)));
        assertThat(problems).isEmpty();
    }

    @Test
    void a_deployment_whose_selector_misses_its_pod_labels_is_found_out() {
        JsonNode deployment = Yaml.documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: request-service}
                spec:
                  selector:
                    matchLabels: {app.kubernetes.io/name: request-service}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: requests-service}
                    spec:
                      containers: [{name: request-service, image: x, ports: [{containerPort: 8081}]}]
                """).get(0);
        assertThat(deploymentProblems(deployment))
                .singleElement()
                .asString()
                .contains("app.kubernetes.io/name=request-service");

        JsonNode service = Yaml.documents("""
                apiVersion: v1
                kind: Service
                metadata: {name: request-service}
                spec:
                  selector: {app.kubernetes.io/name: request-service}
                  ports: [{port: 80, targetPort: 8081}]
                """).get(0);
        assertThat(serviceProblems(service, List.of(deployment)))
                .singleElement()
                .asString()
                .contains("selects no pod");
    }

    @Test
    void a_service_sending_to_a_port_its_pods_do_not_open_is_found_out() {
        JsonNode deployment = Yaml.documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: request-service}
                spec:
                  selector:
                    matchLabels: {app.kubernetes.io/name: request-service}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: request-service}
                    spec:
                      containers: [{name: request-service, image: x, ports: [{containerPort: 8081, name: http}]}]
                """).get(0);
        assertThat(deploymentProblems(deployment)).isEmpty();
        String service = """
                apiVersion: v1
                kind: Service
                metadata: {name: request-service}
                spec:
                  selector: {app.kubernetes.io/name: request-service}
                  ports: [{port: 80, targetPort: TARGET}]
                """;
        assertThat(serviceProblems(
                        Yaml.documents(service.replace("TARGET", "8081")).get(0), List.of(deployment)))
                .isEmpty();
        assertThat(serviceProblems(
                        Yaml.documents(service.replace("TARGET", "http")).get(0), List.of(deployment)))
                .isEmpty();
        assertThat(serviceProblems(
                        Yaml.documents(service.replace("TARGET", "9001")).get(0), List.of(deployment)))
                .singleElement()
                .asString()
                .contains("targetPort 9001");
    }

    static List<String> deploymentProblems(JsonNode deployment) {
        String name = deployment.path("metadata").path("name").asText();
        JsonNode selector = deployment.path("spec").path("selector");
        JsonNode labels =
                deployment.path("spec").path("template").path("metadata").path("labels");
        List<String> problems = new ArrayList<>();
        if (selector.path("matchLabels").isEmpty()
                && selector.path("matchExpressions").isEmpty()) {
            problems.add("Deployment " + name + " has an empty selector");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        selector.path("matchLabels").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            if (!labels.path(label.getKey())
                    .asText("\0")
                    .equals(label.getValue().asText())) {
                problems.add("Deployment " + name + " selects " + label.getKey() + "="
                        + label.getValue().asText() + ", which its pod template's labels " + labels + " lack");
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            if (!matches(expression, labels)) {
                problems.add("Deployment " + name + " selects " + expression + ", which its pod template's labels "
                        + labels + " fail");
            }
        }
        return problems;
    }

    static List<String> serviceProblems(JsonNode service, List<JsonNode> deployments) {
        String name = service.path("metadata").path("name").asText();
        JsonNode selector = service.path("spec").path("selector");
        if (selector.isEmpty()) {
            return List.of("Service " + name + " has no selector");
        }
        List<JsonNode> selected = deployments.stream()
                .filter(deployment -> {
                    JsonNode labels = deployment
                            .path("spec")
                            .path("template")
                            .path("metadata")
                            .path("labels");
                    for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> label = it.next();
                        if (!labels.path(label.getKey())
                                .asText("\0")
                                .equals(label.getValue().asText())) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
        if (selected.isEmpty()) {
            return List.of("Service " + name + " selects no pod of any Deployment (selector " + selector + ")");
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : selected) {
            Set<String> opened = new HashSet<>();
            for (JsonNode port : deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .findValues("ports")) {
                for (JsonNode entry : port) {
                    opened.add(entry.path("containerPort").asText());
                    if (entry.has("name")) {
                        opened.add(entry.path("name").asText());
                    }
                }
            }
            for (JsonNode port : service.path("spec").path("ports")) {
                // without targetPort, Kubernetes sends to the same number as port
                String target = port.has("targetPort")
                        ? port.path("targetPort").asText()
                        : port.path("port").asText();
                if (!opened.contains(target)) {
                    problems.add(
                            "Service " + name + " sends to targetPort " + target + ", which the pods of Deployment "
                                    + deployment.path("metadata").path("name").asText() + " do not open (they open "
                                    + opened + ")");
                }
            }
        }
        return problems;
    }

    private static boolean matches(JsonNode expression, JsonNode labels) {
        String key = expression.path("key").asText();
        Set<String> values = new HashSet<>();
        expression.path("values").forEach(value -> values.add(value.asText()));
        return switch (expression.path("operator").asText()) {
            case "In" -> labels.has(key) && values.contains(labels.path(key).asText());
            case "NotIn" ->
                !labels.has(key) || !values.contains(labels.path(key).asText());
            case "Exists" -> labels.has(key);
            case "DoesNotExist" -> !labels.has(key);
            default -> false;
        };
    }
}
