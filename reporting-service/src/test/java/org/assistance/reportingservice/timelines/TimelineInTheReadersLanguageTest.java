package org.assistance.reportingservice.timelines;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A request's timeline reads in the language its reader asks for (Accept-Language): staff's and
 * the partner's version alike, put into words when read, with the names of thematic areas and
 * priorities in that language; English stays word for word what it was.
 */
@QuarkusTest
class TimelineInTheReadersLanguageTest {
    private static final OffsetDateTime T0 = OffsetDateTime.now().minusDays(20).withNano(0);

    @Test
    void staff_and_the_partner_read_the_same_story_in_english_french_arabic_and_chinese() {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        String agency = "agency-languages";
        story(request, shipment, agency);
        String staff = Tokens.role("operations");
        String partner = Tokens.partner(agency);

        List<String> english = summaries(staff, request, null);
        assertThat(english.get(1)).isEqualTo("Partially approved under GLOCY for 1600.00 EUR");
        assertThat(english.get(3))
                .isEqualTo("Shipment " + shipment + " held by export controls: SUR-1 LICENCE_REQUIRED under "
                        + "5A001.f (UN Security Council measure, imposed by the Security Council)");
        assertThat(summaries(partner, request, "en").get(3))
                .isEqualTo("Shipment " + shipment + " held for export-control screening");

        ExtractableResponse<Response> french = timeline(staff, request, "fr-CH, en;q=0.5");
        assertThat(french.header("Content-Language")).isEqualTo("fr");
        assertThat(french.header("Vary")).contains("Accept-Language");
        List<String> staffInFrench = french.jsonPath().getList("summary", String.class);
        assertThat(staffInFrench.get(0))
                .isEqualTo("Soumise par " + agency + " : Kits de criminalistique (KE, Cybercriminalité, Élevée)");
        assertThat(staffInFrench.get(1)).isEqualTo("Approuvée en partie au titre de GLOCY pour 1600.00 EUR");
        assertThat(staffInFrench.get(2))
                .isEqualTo("Expédition " + shipment + " prévue de VIE vers KE : 1 ligne(s), 900.00 EUR");
        assertThat(staffInFrench.get(3))
                .isEqualTo("Expédition " + shipment + " retenue par le contrôle des exportations : SUR-1 "
                        + "LICENCE_REQUIRED au titre de 5A001.f (mesure du Conseil de sécurité de l'ONU, imposée par "
                        + "the Security Council)");
        assertThat(staffInFrench.get(4)).isEqualTo("Expédition " + shipment + " autorisée sous licence LIC-9");

        List<String> partnerInFrench = summaries(partner, request, "fr");
        assertThat(partnerInFrench.get(1)).isEqualTo("Approuvée en partie au titre de GLOCY");
        assertThat(partnerInFrench.get(3))
                .isEqualTo("Expédition " + shipment + " retenue pour le contrôle des exportations");
        assertThat(partnerInFrench.get(4))
                .isEqualTo("Expédition " + shipment + " autorisée par le contrôle des exportations");
        assertThat(String.join("\n", partnerInFrench)).doesNotContain("1600", "LICENCE_REQUIRED", "LIC-9");

        ExtractableResponse<Response> arabic = timeline(partner, request, "ar");
        assertThat(arabic.header("Content-Language")).isEqualTo("ar");
        List<String> partnerInArabic = arabic.jsonPath().getList("summary", String.class);
        assertThat(partnerInArabic.get(1)).isEqualTo("اعتُمد جزئيًا في إطار GLOCY");
        assertThat(partnerInArabic.get(3)).isEqualTo("الشحنة " + shipment + " محتجزة لفحص ضوابط التصدير");
        List<String> staffInArabic = summaries(staff, request, "ar");
        assertThat(staffInArabic.get(1)).isEqualTo("اعتُمد جزئيًا في إطار GLOCY بمبلغ 1600.00 EUR");
        assertThat(staffInArabic.get(4)).isEqualTo("أُفرج عن الشحنة " + shipment + " بموجب الرخصة LIC-9");

        assertThat(summaries(staff, request, "zh-Hans-CN").get(4)).isEqualTo("货运 " + shipment + " 已凭许可证 LIC-9 放行");
    }

    private static void story(UUID request, UUID shipment, String agency) {
        publish(new RequestSubmitted(
                request,
                agency,
                "KE",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                "Kits de criminalistique",
                "Des kits pour le laboratoire",
                LocalDate.now().plusMonths(2),
                List.of(),
                List.of(),
                null,
                T0,
                null,
                "fr",
                List.of()));
        publish(new RequestApproved(
                request,
                agency,
                "KE",
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("1600.00"), "EUR"),
                true,
                List.of(new EquipmentLine("SUR-1", 1, "j")),
                List.of(),
                List.of(new DonorShare("donor-nordic", "Nordic Trust Fund", "XM-DAC-NORDIC")),
                List.of("reviewer-1"),
                T0.plusDays(1)));
        ShipmentLine camera = new ShipmentLine(
                "SUR-1", "Camera", "SURVEILLANCE", true, 1, new Money(new BigDecimal("900.00"), "EUR"));
        publish(new ShipmentPlanned(
                request,
                shipment,
                agency,
                "KE",
                "VIE",
                List.of(camera),
                new Money(new BigDecimal("900.00"), "EUR"),
                T0.plusDays(2)));
        publish(new ShipmentHeld(
                request,
                shipment,
                "KE",
                List.of(new ScreeningHit(
                        "SUR-1",
                        "SURVEILLANCE",
                        UUID.randomUUID(),
                        "LICENCE_REQUIRED",
                        "5A001.f",
                        "controlled",
                        "UN_SECURITY_COUNCIL",
                        "the Security Council",
                        null)),
                T0.plusDays(3)));
        publish(new ShipmentCleared(request, shipment, "LIC-9", LocalDate.now(), 3600, T0.plusDays(4)));
    }

    private static List<String> summaries(String token, UUID request, String language) {
        return timeline(token, request, language).jsonPath().getList("summary", String.class);
    }

    private static ExtractableResponse<Response> timeline(String token, UUID request, String language) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(token)
                        .get("/api/v1/requests/" + request + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("$", hasSize(5)));
        var call = given().auth().oauth2(token);
        if (language != null) {
            call.header("Accept-Language", language);
        }
        return call.get("/api/v1/requests/" + request + "/timeline")
                .then()
                .statusCode(200)
                .extract();
    }

    private static void publish(AssistanceEvent event) {
        OffsetDateTime time = T0;
        for (java.lang.reflect.RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getType() == OffsetDateTime.class) {
                try {
                    time = (OffsetDateTime) component.getAccessor().invoke(event);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        String source = Topics.expectedSource(EventType.of(event).topic());
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), source, time));
    }
}
