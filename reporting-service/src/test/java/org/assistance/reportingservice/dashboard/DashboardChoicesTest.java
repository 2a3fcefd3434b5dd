package org.assistance.reportingservice.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.texts.Languages;
import org.assistance.chassis.texts.Texts;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's filters are choices, not free text: the countries, thematic areas, programmes
 * and donors the read models hold, each named in the reader's language.
 */
@QuarkusTest
class DashboardChoicesTest {

    @Test
    void a_reader_of_french_chooses_among_the_countries_areas_programmes_and_donors_named_in_french() {
        String programme = "CH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String donor = "donor-choices-" + UUID.randomUUID().toString().substring(0, 8);
        UUID request = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        publish(new RequestSubmitted(
                request,
                "agency-choices",
                "KE",
                null,
                "CYBERCRIME",
                Set.of("TRAINING"),
                "MEDIUM",
                "Choices",
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                now.minusDays(2),
                null));
        publish(new RequestApproved(
                request,
                "agency-choices",
                "KE",
                "CYBERCRIME",
                programme,
                new Money(new BigDecimal("500.00"), "USD"),
                false,
                List.<EquipmentLine>of(),
                List.<PlannedActivity>of(),
                List.of(new DonorShare(donor, "Fonds de choix", "XI-IATI-CHOICES")),
                List.of("reviewer"),
                now.minusDays(1)));

        JsonPath french = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> choices("fr").jsonPath(),
                        json -> json.getList("programmes.code").contains(programme)
                                && json.getList("donors.code").contains(donor));

        assertThat(french.getList("countries", Map.class)).contains(Map.of("code", "KE", "name", "Kenya"));
        assertThat(french.getList("thematicAreas", Map.class))
                .contains(Map.of(
                        "code", "CYBERCRIME", "name", Texts.name(Languages.FRENCH, "thematic-area", "CYBERCRIME")));
        assertThat(french.getList("donors", Map.class)).contains(Map.of("code", donor, "name", "Fonds de choix"));
        assertThat(french.getList("programmes", Map.class)).contains(Map.of("code", programme, "name", programme));

        Response arabic = choices("ar");
        assertThat(arabic.header("Content-Language")).isEqualTo("ar");
        assertThat(arabic.jsonPath().getList("countries", Map.class)).contains(Map.of("code", "KE", "name", "كينيا"));
        assertThat(choices("zh").jsonPath().getList("countries", Map.class))
                .contains(Map.of("code", "KE", "name", "肯尼亚"));
        assertThat(choices("es").jsonPath().getList("countries", Map.class))
                .contains(Map.of("code", "KE", "name", "Kenia"));
        assertThat(choices("ru").jsonPath().getList("countries", Map.class))
                .contains(Map.of("code", "KE", "name", "Кения"));
    }

    @Test
    void the_answer_says_its_language_and_that_it_varies_with_the_one_asked_for() {
        Response french = choices("fr-CA, en;q=0.5");
        assertThat(french.header("Content-Language")).isEqualTo("fr");
        assertThat(french.header("Vary")).contains("Accept-Language");
        assertThat(choices("de").header("Content-Language")).isEqualTo("en");
    }

    @Test
    void only_those_who_read_the_dashboard_see_its_choices() {
        given().when().get("/api/v1/dashboard/choices").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.partner("agency-choices"))
                .when()
                .get("/api/v1/dashboard/choices")
                .then()
                .statusCode(403);
    }

    private static Response choices(String language) {
        return given().auth()
                .oauth2(Tokens.role("operations"))
                .header("Accept-Language", language)
                .when()
                .get("/api/v1/dashboard/choices")
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(
                event,
                UUID.randomUUID(),
                Topics.expectedSource(EventType.of(event).topic()),
                OffsetDateTime.now()));
    }
}
