package org.assistance.reportingservice.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.RequestEvents.RequestCancelled;
import org.assistance.chassis.events.RequestEvents.RequestClosed;
import org.assistance.chassis.events.RequestEvents.RequestDelivered;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.Deliverable;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.Participants;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Activities built from events of every service, as donors' reporting systems fetch them. */
@QuarkusTest
class DonorFeedsTest {
    private static final OffsetDateTime T0 = OffsetDateTime.now().minusDays(60).withNano(0);

    @Test
    void the_iati_feed_validates_against_the_official_schema_and_maps_each_element() throws Exception {
        String donor = "donor-" + UUID.randomUUID().toString().substring(0, 8);
        UUID request = journey(donor);
        String[] feed = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .until(() -> (feed[0] = given().auth()
                                .oauth2(Tokens.donor(donor))
                                .when()
                                .get("/api/v1/feeds/iati")
                                .asString())
                        .contains(request.toString()));
        String xml = feed[0];

        IatiSchema.validate(xml);
        Element activity = activityOf(xml, request);
        assertThat(text(activity, "iati-identifier"))
                .isEqualTo("XM-EXAMPLE-TA-GLOCY-" + request)
                .doesNotContain("/", "&", "|", "?");
        assertThat(attr(activity, "activity-status", "code")).isEqualTo("4");
        assertThat(attr(activity, "recipient-country", "code")).isEqualTo("KE");
        assertThat(attr(activity, "default-aid-type", "code")).isEqualTo("D02");
        NodeList sectors = activity.getElementsByTagName("sector");
        int percent = 0;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < sectors.getLength(); i++) {
            percent += Integer.parseInt(((Element) sectors.item(i)).getAttribute("percentage"));
            codes.add(((Element) sectors.item(i)).getAttribute("code"));
        }
        assertThat(percent).isEqualTo(100);
        assertThat(codes).containsExactly("15132", "15130");
        List<String> funders = new ArrayList<>();
        NodeList orgs = activity.getElementsByTagName("participating-org");
        for (int i = 0; i < orgs.getLength(); i++) {
            Element org = (Element) orgs.item(i);
            if (org.getAttribute("role").equals("1")) {
                funders.add(org.getAttribute("ref"));
            }
        }
        assertThat(funders).containsExactly("XI-IATI-" + donor.toUpperCase());
        List<String> transactions = new ArrayList<>();
        NodeList types = activity.getElementsByTagName("transaction-type");
        for (int i = 0; i < types.getLength(); i++) {
            transactions.add(((Element) types.item(i)).getAttribute("code"));
        }
        assertThat(transactions).containsExactly("2", "4", "3");
        Element budget = (Element) activity.getElementsByTagName("budget").item(0);
        LocalDate start = LocalDate.parse(attr(budget, "period-start", "iso-date"));
        LocalDate end = LocalDate.parse(attr(budget, "period-end", "iso-date"));
        assertThat(end).isBeforeOrEqualTo(start.plusYears(1));
        NodeList actuals = activity.getElementsByTagName("actual");
        assertThat(((Element) actuals.item(0)).getAttribute("value")).isEqualTo("3");
        assertThat(((Element) actuals.item(1)).getAttribute("value")).isEqualTo("18");
    }

    @Test
    void a_donor_sees_only_what_it_funds_and_others_are_refused() throws Exception {
        String mine = "donor-" + UUID.randomUUID().toString().substring(0, 8);
        String theirs = "donor-" + UUID.randomUUID().toString().substring(0, 8);
        UUID myRequest = journey(mine);
        UUID theirRequest = journey(theirs);
        awaitActivity(Tokens.donor(theirs), theirRequest);
        String xml = awaitActivity(Tokens.donor(mine), myRequest);
        assertThat(xml).doesNotContain(theirRequest.toString());
        String all = given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/feeds/iati")
                .asString();
        assertThat(all).contains(myRequest.toString(), theirRequest.toString());
        given().auth()
                .oauth2(Tokens.partner("agency-ke"))
                .when()
                .get("/api/v1/feeds/iati")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.role("reviewer"))
                .when()
                .get("/api/v1/feeds/activities.csv")
                .then()
                .statusCode(403);
    }

    @Test
    void cursors_return_only_changes_and_an_unchanged_feed_answers_304() throws Exception {
        String donor = "donor-" + UUID.randomUUID().toString().substring(0, 8);
        UUID request = journey(donor);
        awaitActivity(Tokens.donor(donor), request);
        Response first = given().auth().oauth2(Tokens.donor(donor)).when().get("/api/v1/feeds/activities.json");
        String cursor = first.header(FeedResource.CURSOR_HEADER);
        assertThat(first.jsonPath().getString("next")).isEqualTo(cursor);

        Response nothingNew = given().auth()
                .oauth2(Tokens.donor(donor))
                .queryParam("since", cursor)
                .when()
                .get("/api/v1/feeds/activities.json");
        assertThat(nothingNew.jsonPath().getList("activities")).isEmpty();
        given().auth()
                .oauth2(Tokens.donor(donor))
                .header("If-None-Match", first.header("ETag"))
                .when()
                .get("/api/v1/feeds/activities.json")
                .then()
                .statusCode(304);

        publish(new ActivityDelivered(
                request,
                UUID.randomUUID(),
                "GLOCY",
                "ADVISORY_MISSION",
                "Legal advice",
                T0.toLocalDate(),
                T0.toLocalDate(),
                new Participants(1, 1, 2),
                List.of(),
                "ok",
                new Money(new BigDecimal("100.00"), "USD"),
                null,
                T0.plusDays(30)));
        String next = nothingNew.header(FeedResource.CURSOR_HEADER);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(given().auth()
                                .oauth2(Tokens.donor(donor))
                                .queryParam("since", next)
                                .when()
                                .get("/api/v1/feeds/activities.json")
                                .jsonPath()
                                .getList("activities.requestId"))
                        .containsExactly(request.toString()));
    }

    @Test
    void a_client_following_cursors_sees_every_change_once_while_events_keep_arriving() throws Exception {
        String donor = "donor-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requests.add(UUID.randomUUID());
        }
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        Future<?> publishing = publisher.submit(() -> {
            for (UUID request : requests) {
                publish(approved(request, donor));
            }
        });
        List<String> seen = new ArrayList<>();
        String cursor = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (new HashSet<>(seen).size() < requests.size() && System.currentTimeMillis() < deadline) {
            var call = given().auth().oauth2(Tokens.donor(donor));
            if (cursor != null) {
                call.queryParam("since", cursor);
            }
            Response page = call.when().get("/api/v1/feeds/activities.json");
            seen.addAll(page.jsonPath().getList("activities.requestId"));
            cursor = page.header(FeedResource.CURSOR_HEADER);
            Thread.sleep(50);
        }
        publishing.get();
        publisher.shutdown();
        assertThat(seen)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        requests.stream().map(UUID::toString).toList());
    }

    @Test
    void a_hostile_title_reaches_the_csv_as_text_not_a_formula_and_never_breaks_the_iati_file() throws Exception {
        String donor = "donor-" + UUID.randomUUID().toString().substring(0, 8);
        UUID request = UUID.randomUUID();
        String title = "=HYPERLINK(\"http://evil.example\",\"Click\")\u0001 bell\u0007";
        publish(new RequestSubmitted(
                request,
                "agency-ke",
                "KE",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                title,
                "needs",
                T0.toLocalDate().plusDays(200),
                List.of(),
                List.of(),
                null,
                T0));
        publish(approved(request, donor));
        String[] feed = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .until(() -> (feed[0] = given().auth()
                                .oauth2(Tokens.donor(donor))
                                .when()
                                .get("/api/v1/feeds/iati")
                                .asString())
                        .contains(request.toString()));
        String xml = feed[0];

        IatiSchema.validate(xml);
        assertThat(xml).contains("=HYPERLINK(").doesNotContain("\u0001").doesNotContain("\u0007");
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(given().auth()
                        .oauth2(Tokens.donor(donor))
                        .when()
                        .get("/api/v1/feeds/activities.csv")
                        .asByteArray())) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows)
                .filteredOn(r -> r.get("request_id").equals(request.toString()))
                .extracting(r -> r.get("title"))
                .allMatch(t -> t.startsWith("'=HYPERLINK("));
    }

    @Test
    void the_csv_feed_is_rfc_4180_with_one_row_per_transaction() throws Exception {
        String donor = "donor-" + UUID.randomUUID().toString().substring(0, 8);
        UUID request = journey(donor);
        awaitActivity(Tokens.donor(donor), request);
        Response csv = given().auth().oauth2(Tokens.donor(donor)).when().get("/api/v1/feeds/activities.csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv.asByteArray())) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows.get(0).keySet()).containsExactlyElementsOf(FeedResource.CSV_COLUMNS);
        List<Map<String, String>> mine = rows.stream()
                .filter(r -> r.get("request_id").equals(request.toString()))
                .toList();
        assertThat(mine).extracting(r -> r.get("transaction_type")).containsExactly("2", "4", "3");
        assertThat(mine.get(0).get("title")).isEqualTo("Forensics, \"mobile\" and more");
        assertThat(mine.get(0).get("participants_women")).isEqualTo("8");
    }

    @Test
    void the_activity_status_follows_a_training_only_request_to_its_end_and_a_cancelled_one_is_5() throws Exception {
        String donor = "donor-" + UUID.randomUUID().toString().substring(0, 8);
        UUID training = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID cancelledCourse = UUID.randomUUID();
        for (UUID[] request : List.of(new UUID[] {training, course}, new UUID[] {cancelled, cancelledCourse})) {
            publish(new RequestSubmitted(
                    request[0],
                    "agency-ke",
                    "KE",
                    null,
                    "CYBERCRIME",
                    Set.of("TRAINING"),
                    "HIGH",
                    "Investigators' course",
                    "needs",
                    T0.toLocalDate().plusDays(200),
                    List.of(),
                    List.of(),
                    null,
                    T0));
            publish(new RequestApproved(
                    request[0],
                    "agency-ke",
                    "KE",
                    "CYBERCRIME",
                    "GLOCY",
                    new Money(new BigDecimal("8000.00"), "USD"),
                    false,
                    List.of(),
                    List.of(new PlannedActivity(
                            request[1],
                            "TRAINING_COURSE",
                            "Course",
                            T0.toLocalDate().plusDays(20),
                            T0.toLocalDate().plusDays(24),
                            20)),
                    shares(donor),
                    List.of("r1"),
                    T0.plusDays(10)));
        }
        awaitStatus(donor, training, "2");
        awaitStatus(donor, cancelled, "2");

        publish(new ActivityDelivered(
                training,
                course,
                "GLOCY",
                "TRAINING_COURSE",
                "Course",
                T0.toLocalDate().plusDays(20),
                T0.toLocalDate().plusDays(24),
                new Participants(10, 10, 20),
                List.of("DCI"),
                "done",
                null,
                null,
                T0.plusDays(24)));
        publish(new RequestDelivered(
                training,
                "agency-ke",
                List.of(new Deliverable(course.toString(), "TRAINING_COURSE", "Course", 1, 1, 0, "DELIVERED", null)),
                T0.plusDays(24)));
        publish(new ActivityCancelled(
                cancelled,
                cancelledCourse,
                "GLOCY",
                "TRAINING_COURSE",
                "Course",
                "no trainer",
                "reviewer",
                T0.plusDays(15)));
        publish(new RequestCancelled(
                cancelled,
                "agency-ke",
                List.of(new Deliverable(
                        cancelledCourse.toString(), "TRAINING_COURSE", "Course", 1, 0, 1, "CANCELLED", "no trainer")),
                T0.plusDays(15)));
        awaitStatus(donor, training, "3");
        Element ended = awaitStatus(donor, cancelled, "5");
        assertThat(ended.getElementsByTagName("activity-date").getLength()).isEqualTo(4);

        publish(new RequestClosed(training, "agency-ke", 4, "Well run", false, T0.plusDays(30)));
        awaitStatus(donor, training, "4");
        IatiSchema.validate(given().auth()
                .oauth2(Tokens.donor(donor))
                .when()
                .get("/api/v1/feeds/iati")
                .asString());
    }

    private static Element awaitStatus(String donor, UUID request, String status) {
        Element[] activity = new Element[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String xml = given().auth()
                    .oauth2(Tokens.donor(donor))
                    .when()
                    .get("/api/v1/feeds/iati")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            activity[0] = activityOf(xml, request);
            assertThat(activity[0]).isNotNull();
            assertThat(attr(activity[0], "activity-status", "code")).isEqualTo(status);
        });
        return activity[0];
    }

    /** A request's whole journey, funded by the given donor. */
    private static UUID journey(String donor) {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        publish(new RequestSubmitted(
                request,
                "agency-ke",
                "KE",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT", "TRAINING"),
                "HIGH",
                "Forensics, \"mobile\" and more",
                "needs",
                T0.toLocalDate().plusDays(200),
                List.of(),
                List.of(),
                null,
                T0));
        publish(approved(request, donor));
        publish(new FundsCommitted(
                request, "GLOCY", new Money(new BigDecimal("30000.00"), "USD"), shares(donor), null, T0.plusDays(10)));
        publish(new ShipmentPlanned(
                request,
                shipment,
                "agency-ke",
                "KE",
                "VIE",
                List.of(new ShipmentLine(
                        "A", "a", "FORENSIC_IT", false, 4, new Money(new BigDecimal("1000.00"), "USD"))),
                new Money(new BigDecimal("4000.00"), "USD"),
                T0.plusDays(11)));
        publish(new ShipmentDispatched(request, shipment, "AIR", "c", "t", null, T0.plusDays(12)));
        publish(new ShipmentDelivered(request, shipment, new Money(new BigDecimal("4000.00"), "USD"), T0.plusDays(20)));
        publish(new ReceiptConfirmed(
                request,
                "agency-ke",
                shipment,
                List.of(new ReceiptLine("A", 3, 1, "broken")),
                "someone",
                T0.plusDays(21)));
        publish(new ActivityDelivered(
                request,
                UUID.randomUUID(),
                "GLOCY",
                "TRAINING_COURSE",
                "Course",
                T0.toLocalDate().plusDays(25),
                T0.toLocalDate().plusDays(29),
                new Participants(8, 10, 18),
                List.of("DCI"),
                "done",
                new Money(new BigDecimal("5000.00"), "USD"),
                null,
                T0.plusDays(29)));
        return request;
    }

    private static RequestApproved approved(UUID request, String donor) {
        return new RequestApproved(
                request,
                "agency-ke",
                "KE",
                "CYBERCRIME",
                "GLOCY",
                new Money(new BigDecimal("30000.00"), "USD"),
                true,
                List.of(new EquipmentLine("A", 4, "j")),
                List.of(),
                shares(donor),
                List.of("r1"),
                T0.plusDays(10));
    }

    private static List<DonorShare> shares(String donor) {
        return List.of(new DonorShare(donor, "Donor " + donor, "XI-IATI-" + donor.toUpperCase()));
    }

    private static String awaitActivity(String token, UUID request) {
        String[] xml = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            xml[0] = given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/feeds/iati")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            Element activity = activityOf(xml[0], request);
            assertThat(activity).isNotNull();
            assertThat(attr(activity, "activity-status", "code")).isEqualTo("4");
            assertThat(activity.getElementsByTagName("transaction").getLength()).isEqualTo(3);
        });
        return xml[0];
    }

    private static Element activityOf(String xml, UUID request) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList activities = doc.getElementsByTagName("iati-activity");
        for (int i = 0; i < activities.getLength(); i++) {
            Element activity = (Element) activities.item(i);
            if (text(activity, "iati-identifier").endsWith(request.toString())) {
                return activity;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static String attr(Element parent, String tag, String attribute) {
        return ((Element) parent.getElementsByTagName(tag).item(0)).getAttribute(attribute);
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), ownerOf(event), OffsetDateTime.now()));
    }

    /** Consumers accept an event only from the service that owns its topic. */
    private static String ownerOf(AssistanceEvent event) {
        return org.assistance.chassis.events.Topics.expectedSource(
                org.assistance.chassis.events.EventType.of(event).topic());
    }
}
