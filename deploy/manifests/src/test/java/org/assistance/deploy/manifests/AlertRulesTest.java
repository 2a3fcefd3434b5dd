package org.assistance.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.assistance.deploy.manifests.KubernetesManifests.Resource;
import org.junit.jupiter.api.Test;

/**
 * The cluster's Prometheus alerts on exactly the rules the launcher's Prometheus loads and promtool tests
 * (deploy/observability/alerts.yml), scrapes every service pod where its metrics answer, and every alert
 * leads an operator to its section of the runbook.
 */
class AlertRulesTest {
    static final String RULES = "deploy/observability/alerts.yml";
    static final String RUNBOOK = "docs/operations.md";

    @Test
    void the_prometheus_rule_holds_exactly_the_rule_groups_of_the_one_rules_file() {
        Resource rule = KubernetesManifests.load().named("PrometheusRule", "assistance-alerts");

        assertThat(rule.document().path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.spec())
                .as("spec of %s against %s (run deploy/k8s/generate after changing the rules)", rule, RULES)
                .isEqualTo(Yaml.document(Repository.file(RULES)));
    }

    @Test
    void every_alert_has_a_severity_a_summary_a_description_and_a_runbook_section_that_exists() throws IOException {
        Set<String> anchors = headingAnchors(Files.readAllLines(Repository.file(RUNBOOK)));
        List<JsonNode> alerts = alerts();
        assertThat(alerts).isNotEmpty();
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            assertThat(alert.path("labels").path("severity").asText())
                    .as("severity of %s", name)
                    .isIn("critical", "warning");
            assertThat(alert.path("annotations").path("summary").asText())
                    .as("summary of %s", name)
                    .isNotBlank();
            assertThat(alert.path("annotations").path("description").asText())
                    .as("description of %s", name)
                    .isNotBlank();
            String runbook = alert.path("annotations").path("runbook_url").asText();
            assertThat(runbook).as("runbook_url of %s", name).startsWith(RUNBOOK + "#");
            assertThat(anchors)
                    .as("sections of %s (for %s's runbook_url)", RUNBOOK, name)
                    .contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @Test
    void promtool_tests_every_alert() throws IOException {
        String tests = Files.readString(Repository.file("deploy/observability/alerts.test.yml"));
        for (JsonNode alert : alerts()) {
            assertThat(tests)
                    .as("alerts.test.yml tests %s", alert.path("alert").asText())
                    .contains("alertname: " + alert.path("alert").asText() + "\n");
        }
    }

    @Test
    void the_pod_monitor_scrapes_every_service_pod_on_its_management_port_with_the_service_as_job() {
        KubernetesManifests manifests = KubernetesManifests.load();
        Resource monitor = manifests.named("PodMonitor", "assistance-services");
        assertThat(monitor.spec().path("jobLabel").asText()).isEqualTo("app.kubernetes.io/name");
        JsonNode endpoint = monitor.spec().path("podMetricsEndpoints").get(0);
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        Set<String> selected = new TreeSet<>();
        for (JsonNode expression : monitor.spec().path("selector").path("matchExpressions")) {
            assertThat(expression.path("key").asText()).isEqualTo("app.kubernetes.io/name");
            assertThat(expression.path("operator").asText()).isEqualTo("In");
            expression.path("values").forEach(v -> selected.add(v.asText()));
        }
        assertThat(selected).containsExactlyInAnyOrderElementsOf(PlatformService.NAMES);
        for (String service : PlatformService.NAMES) {
            JsonNode pod = manifests.named("Deployment", service).spec().path("template");
            assertThat(pod.path("metadata")
                            .path("labels")
                            .path("app.kubernetes.io/name")
                            .asText())
                    .as("pod label of %s", service)
                    .isEqualTo(service);
            List<String> ports = new ArrayList<>();
            manifests
                    .container(service)
                    .path("ports")
                    .forEach(p -> ports.add(p.path("name").asText()));
            assertThat(ports)
                    .as("ports of %s's container", service)
                    .contains(endpoint.path("port").asText());
        }
    }

    @Test
    void an_alert_pointing_to_a_missing_runbook_section_is_found_out() {
        assertThat(headingAnchors(List.of("# Operations", "## Instance not ready", "### Consumer lag: growing")))
                .containsExactlyInAnyOrder("operations", "instance-not-ready", "consumer-lag-growing")
                .doesNotContain("server-errors");
    }

    private static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : Yaml.document(Repository.file(RULES)).path("groups")) {
            group.path("rules").forEach(alerts::add);
        }
        return alerts;
    }

    /** The anchors a Markdown renderer gives the headings (GitHub's: lower case, punctuation dropped, spaces to -). */
    static Set<String> headingAnchors(List<String> lines) {
        Set<String> anchors = new TreeSet<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                String text = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
