package org.assistance.reportingservice.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.Translation;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A request written in one language and translated by its partner reaches donors in every language
 * given: the IATI activity's title and needs have one narrative per language (xml:lang naming each but
 * the document's English), the JSON feed carries the language and the translations, and an amendment
 * replaces them.
 */
@QuarkusTest
class NarrativesInEveryLanguageTest {
    private static final OffsetDateTime T0 = OffsetDateTime.now().minusDays(30).withNano(0);
    private static final String TITLE_ES = "Equipos forenses para la unidad de ciberdelincuencia";
    private static final String NEEDS_ES = "La unidad necesita estaciones forenses";

    @Test
    void a_request_submitted_in_spanish_with_french_and_english_translations_has_three_title_narratives()
            throws Exception {
        UUID request = UUID.randomUUID();
        String donor = "donor-lang-" + request.toString().substring(0, 8);
        publish(new RequestSubmitted(
                request,
                "agency-co",
                "CO",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                TITLE_ES,
                NEEDS_ES,
                T0.toLocalDate().plusDays(200),
                List.of(),
                List.of(),
                null,
                T0,
                null,
                "es",
                List.of(
                        new Translation("fr", "Matériel de criminalistique pour l'unité de cybercriminalité", null),
                        new Translation(
                                "en",
                                "Forensic equipment for the cybercrime unit",
                                "The unit needs forensic workstations"))));
        publish(new RequestApproved(
                request,
                "agency-co",
                "CO",
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("1000.00"), "USD"),
                false,
                List.of(new EquipmentLine("FOR-1", 1, "j")),
                List.<PlannedActivity>of(),
                List.of(new DonorShare(donor, "Donor " + donor, "XI-IATI-LANG")),
                List.of("r1"),
                T0.plusDays(5)));

        String[] xml = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            xml[0] = iati(donor);
            Element activity = activityOf(xml[0], request);
            assertThat(activity).isNotNull();
            assertThat(narratives(activity, "title"))
                    .containsExactly(
                            "es=" + TITLE_ES,
                            "fr=Matériel de criminalistique pour l'unité de cybercriminalité",
                            "en=Forensic equipment for the cybercrime unit");
            // the needs where a needs statement is given: the original's and the English one
            assertThat(needs(activity)).containsExactly("es=" + NEEDS_ES, "en=The unit needs forensic workstations");
        });
        IatiSchema.validate(xml[0]);

        JsonPath json = given().auth()
                .oauth2(Tokens.donor(donor))
                .get("/api/v1/feeds/activities.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> activity = json.getMap("activities.find { it.requestId == '" + request + "' }");
        assertThat(activity).containsEntry("language", "es").containsEntry("needsStatement", NEEDS_ES);
        assertThat(json.getList("activities.find { it.requestId == '" + request + "' }.translations.language"))
                .containsExactly("fr", "en");

        publish(new RequestAmended(
                request,
                "agency-co",
                2,
                "CO",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                TITLE_ES,
                NEEDS_ES,
                T0.toLocalDate().plusDays(200),
                List.of(),
                List.of(),
                null,
                T0.plusDays(6),
                null,
                "es",
                List.of(new Translation("fr", "Matériel de criminalistique", "L'unité a besoin de postes"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            xml[0] = iati(donor);
            Element amended = activityOf(xml[0], request);
            assertThat(narratives(amended, "title"))
                    .containsExactly("es=" + TITLE_ES, "fr=Matériel de criminalistique");
            assertThat(needs(amended)).containsExactly("es=" + NEEDS_ES, "fr=L'unité a besoin de postes");
        });
        IatiSchema.validate(xml[0]);
    }

    private static String iati(String donor) {
        return given().auth()
                .oauth2(Tokens.donor(donor))
                .get("/api/v1/feeds/iati")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** "lang=text" of each narrative of the activity's first {@code tag} (no xml:lang: the document's en). */
    private static List<String> narratives(Element activity, String tag) {
        return narrativesOf((Element) activity.getElementsByTagName(tag).item(0));
    }

    private static List<String> needs(Element activity) {
        NodeList descriptions = activity.getElementsByTagName("description");
        for (int i = 0; i < descriptions.getLength(); i++) {
            Element d = (Element) descriptions.item(i);
            if ("2".equals(d.getAttribute("type"))) {
                return narrativesOf(d);
            }
        }
        return List.of();
    }

    private static List<String> narrativesOf(Element element) {
        List<String> texts = new ArrayList<>();
        NodeList narratives = element.getElementsByTagName("narrative");
        for (int i = 0; i < narratives.getLength(); i++) {
            Element n = (Element) narratives.item(i);
            String lang = n.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
            texts.add((lang.isEmpty() ? "en" : lang) + "=" + n.getTextContent());
        }
        return texts;
    }

    private static Element activityOf(String xml, UUID request) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList activities = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("iati-activity");
        for (int i = 0; i < activities.getLength(); i++) {
            Element activity = (Element) activities.item(i);
            if (activity.getElementsByTagName("iati-identifier")
                    .item(0)
                    .getTextContent()
                    .endsWith(request.toString())) {
                return activity;
            }
        }
        return null;
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(
                event,
                UUID.randomUUID(),
                Topics.expectedSource(EventType.of(event).topic()),
                OffsetDateTime.now()));
    }
}
