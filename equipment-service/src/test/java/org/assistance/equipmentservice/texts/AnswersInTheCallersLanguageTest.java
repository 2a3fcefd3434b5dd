package org.assistance.equipmentservice.texts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.equipmentservice.Logistics;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * equipment-service answers a refusal in the language its reader asked for (Accept-Language):
 * title, detail and field errors, with Content-Language saying which; codes, ids and item codes
 * stay as they are.
 */
@QuarkusTest
class AnswersInTheCallersLanguageTest {

    @AfterEach
    void leaveNoRuleInForce() {
        Logistics.retireEveryRuleInForce();
    }

    @Test
    void a_logistics_officer_reading_russian_is_told_in_russian_that_a_held_shipment_cannot_be_dispatched() {
        String warehouse = Logistics.unique("W");
        String camera = Logistics.unique("SUR");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(camera, "SURVEILLANCE", true, "900.00");
        Logistics.stock(warehouse, camera, 2);
        Logistics.rule("BO", "DUAL_USE", "LICENCE_REQUIRED");
        UUID request = Logistics.approve("BO", "agency-bo", Map.of(camera, 2));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");

        dispatch(shipment, "ru-RU,ru;q=0.9,en;q=0.5", Logistics.units(camera, 2))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("Content-Language", "ru")
                .body("type", equalTo("https://assistance.example/problems/conflict"))
                .body("title", equalTo("Невозможно в текущем состоянии"))
                .body(
                        "detail",
                        equalTo("Поставка " + shipment + " имеет статус HELD и не может быть отправлена "
                                + "(только в статусе [PLANNED, CLEARED])"));
        // and one reading English is told as before
        dispatch(shipment, null, Logistics.units(camera, 2))
                .then()
                .statusCode(409)
                .header("Content-Language", "en")
                .body("title", equalTo("Not possible in the current state"))
                .body(
                        "detail",
                        equalTo("Shipment " + shipment + " is HELD and cannot be dispatched "
                                + "(only when [PLANNED, CLEARED])"));

        // a French reader clearing it without the licence is told, field by field, in French
        given().auth()
                .oauth2(Tokens.role("logistics"))
                .header("Accept-Language", "fr-CH, fr;q=0.9")
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/v1/shipments/" + shipment + "/clearance")
                .then()
                .statusCode(400)
                .header("Content-Language", "fr")
                .body("title", equalTo("Requête non valide"))
                .body("errors.field", equalTo(List.of("licenceDate", "licenceReference")))
                .body(
                        "errors.message",
                        equalTo(List.of(
                                "est obligatoire : une ligne exige une licence d'exportation",
                                "est obligatoire : une ligne exige une licence d'exportation")));
    }

    @Test
    void a_logistics_officer_reading_chinese_is_told_in_chinese_which_serial_numbers_are_missing() {
        String warehouse = Logistics.unique("W");
        String camera = Logistics.unique("SUR");
        String radio = Logistics.unique("COM");
        Logistics.warehouse(warehouse, "AT");
        Logistics.item(camera, "SURVEILLANCE", true, "900.00");
        Logistics.item(radio, "COMMUNICATIONS", false, "300.00");
        Logistics.stock(warehouse, camera, 3);
        Logistics.stock(warehouse, radio, 2);
        UUID request = Logistics.approve("KE", "agency-ke", Map.of(camera, 3, radio, 2));
        String shipment = (String) Logistics.awaitShipments(request, 1).get(0).get("id");

        dispatch(shipment, "zh-CN", Logistics.units(radio, 1))
                .then()
                .statusCode(422)
                .header("Content-Language", "zh")
                .body("type", equalTo("https://assistance.example/problems/serials-required"))
                .body("title", equalTo("需要序列号"))
                .body(
                        "detail",
                        equalTo("军民两用物项明细行的每件设备，以及凭出口许可证放行的装运中任何明细行的每件设备，都需要序列号；"
                                + "提供了序列号的明细行必须每件设备一个：" + radio + " 需要 2 个序列号，收到 1 个；"
                                + camera + "（受监测：军民两用）需要 3 个序列号，收到 0 个"));
        // a Russian reader, of the same refusal
        dispatch(shipment, "ru", List.of())
                .then()
                .statusCode(422)
                .header("Content-Language", "ru")
                .body("title", equalTo("Требуются серийные номера"))
                .body(
                        "detail",
                        equalTo("Каждой единице строки товаров двойного назначения, а также любой строки поставки, "
                                + "допущенной к отправке по экспортной лицензии, нужен серийный номер, а для строки, "
                                + "по которой указаны серийные номера, нужен один номер на каждую единицу: " + camera
                                + " (под контролем: двойное назначение): нужно серийных номеров — 3, получено — 0"));
    }

    @Test
    void a_unit_that_does_not_exist_is_not_found_in_the_reader_s_language() {
        String serial = Logistics.unique("SN");
        asset(serial, "ru")
                .then()
                .statusCode(404)
                .header("Content-Language", "ru")
                .body("title", equalTo("Не найдено"))
                .body("detail", equalTo("Единица оборудования " + serial + " не существует"));
        asset(serial, "zh-Hant-TW")
                .then()
                .statusCode(404)
                .header("Content-Language", "zh")
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("设备 " + serial + " 不存在"));
        asset(serial, "ar")
                .then()
                .statusCode(404)
                .header("Content-Language", "ar")
                .body("title", equalTo("غير موجود"))
                .body("detail", equalTo("الوحدة " + serial + " غير موجودة"));
        // a language the platform does not speak: English
        asset(serial, "de-AT")
                .then()
                .statusCode(404)
                .header("Content-Language", "en")
                .body("detail", equalTo("Unit " + serial + " does not exist"));
    }

    @Test
    void a_field_that_breaks_its_pattern_is_named_in_the_reader_s_language() {
        for (Map.Entry<String, String> reader : Map.of(
                        "fr", "doit se composer de lettres majuscules, de chiffres et de tirets",
                        "ru", "должен состоять из заглавных латинских букв, цифр и дефисов",
                        "zh", "只能由大写字母、数字和连字符组成",
                        "es", "debe constar de letras mayúsculas, dígitos y guiones",
                        "en", "must be upper-case letters, digits and dashes")
                .entrySet()) {
            given().auth()
                    .oauth2(Tokens.role("admin"))
                    .header("Accept-Language", reader.getKey())
                    .contentType(ContentType.JSON)
                    .body(Map.of("code", "vie 1", "name", "Vienna", "country", "AT"))
                    .when()
                    .post("/api/v1/warehouses")
                    .then()
                    .statusCode(400)
                    .header("Content-Language", reader.getKey())
                    .body("errors.field", equalTo(List.of("code")))
                    .body("errors.message", hasItem(reader.getValue()))
                    .body("detail", equalTo("code " + reader.getValue()));
        }
    }

    @Test
    void a_warehouse_registered_twice_is_refused_in_spanish_and_french() {
        String warehouse = Logistics.unique("W");
        Logistics.warehouse(warehouse, "AT");
        register(warehouse, "es")
                .then()
                .statusCode(409)
                .header("Content-Language", "es")
                .body("title", equalTo("No es posible en el estado actual"))
                .body("detail", equalTo("El almacén " + warehouse + " ya existe"));
        register(warehouse, "fr")
                .then()
                .statusCode(409)
                .body("title", equalTo("Impossible dans l'état actuel"))
                .body("detail", equalTo("L'entrepôt " + warehouse + " existe déjà"));
    }

    private static Response dispatch(String shipment, String language, List<Map<String, Object>> units) {
        var request = given().auth().oauth2(Tokens.role("logistics")).contentType(ContentType.JSON);
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.body(Map.of(
                        "mode",
                        "AIR",
                        "carrier",
                        "Air cargo",
                        "trackingReference",
                        "TRK-" + shipment.substring(0, 8),
                        "units",
                        units))
                .when()
                .post("/api/v1/shipments/" + shipment + "/dispatch");
    }

    private static Response asset(String serial, String language) {
        return given().auth()
                .oauth2(Tokens.role("logistics"))
                .header("Accept-Language", language)
                .when()
                .get("/api/v1/assets/" + serial);
    }

    private static Response register(String warehouse, String language) {
        return given().auth()
                .oauth2(Tokens.role("admin"))
                .header("Accept-Language", language)
                .contentType(ContentType.JSON)
                .body(Map.of("code", warehouse, "name", "Warehouse " + warehouse, "country", "AT"))
                .when()
                .post("/api/v1/warehouses");
    }
}
