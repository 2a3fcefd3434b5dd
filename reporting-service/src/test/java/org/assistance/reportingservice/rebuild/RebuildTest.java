package org.assistance.reportingservice.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assistance.reportingservice.readmodels.ReadModelTables;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** A rebuild from the topics gives exactly what incremental consumption built. */
@QuarkusTest
class RebuildTest {
    /** Row contents to compare, without the columns that only say when a row was written. */
    private static final Map<String, String> CONTENTS = new LinkedHashMap<>();

    static {
        CONTENTS.put(
                "timeline_entries",
                "select event_id, request_id, event_type, source, occurred_at, summary, partner_summary, "
                        + "summary_text::text, partner_summary_text::text from timeline_entries order by event_id");
        CONTENTS.put("request_owners", "select * from request_owners order by request_id");
        CONTENTS.put(
                "request_facts",
                "select request_id, agency_id, country, thematic_area, priority, title, desired_by, "
                        + "submitted_at, information_requested_at, approved_at, rejected_at, withdrawn_at, first_dispatch_at, "
                        + "delivered_at, received_at, partial, programme_code, donors::text, approved_amount, approved_currency, "
                        + "approved_units, accepted_units, rejected_units, participants_women, participants_men, "
                        + "activities_delivered, assistance_types::text, delivery_started_at, cancelled_at, closed_at, satisfaction, "
                        + "closed_automatically, activities_cancelled, stage, participants_other, participants_not_disclosed, "
                        + "participants_total, participants_rostered, participants_completed, participants_certified, "
                        + "score_gain_weighted, score_gain_participants, language, needs_statement, translations::text "
                        + "from request_facts order by request_id");
        CONTENTS.put(
                "shipment_facts",
                "select shipment_id, request_id, destination, categories::text, units, value_amount, "
                        + "value_currency, planned_at, held_at, held_categories::text, cleared_at, held_seconds, dispatched_at, "
                        + "mode, expected_delivery, delivered_at, received_at, last_held_at, cancelled_at, item_codes::text, due_by "
                        + "from shipment_facts order by shipment_id");
        CONTENTS.put("money_facts", "select * from money_facts order by event_id");
        CONTENTS.put("money_parts", "select * from money_parts order by event_id, donor_id");
        CONTENTS.put("deliverable_facts", "select * from deliverable_facts order by request_id, deliverable_id");
        CONTENTS.put("shipment_lines", "select * from shipment_lines order by shipment_id, item_code");
        CONTENTS.put("backorder_facts", "select * from backorder_facts order by request_id, backorder_id");
        CONTENTS.put("refused_lines", "select * from refused_lines order by event_id");
        CONTENTS.put("donor_directory", "select * from donor_directory order by donor_id");
        CONTENTS.put("pledge_facts", "select * from pledge_facts order by event_id");
        CONTENTS.put("activity_participants", "select * from activity_participants order by activity_id");
        CONTENTS.put("activity_rosters", "select * from activity_rosters order by activity_id");
        CONTENTS.put("receipt_facts", "select * from receipt_facts order by event_id");
        CONTENTS.put("indicator_definitions", "select * from indicator_definitions order by indicator_id");
        CONTENTS.put("indicator_measurements", "select * from indicator_measurements order by measurement_id");
        CONTENTS.put(
                "national_priorities",
                "select priority_id, country, rank, title, thematic_area, assistance_types::text, strategy_reference, "
                        + "period_from, period_to, stated_by, stated_at from national_priorities order by priority_id");
        CONTENTS.put("request_priorities", "select * from request_priorities order by request_id");
        CONTENTS.put("request_endorsements", "select * from request_endorsements order by request_id");
        CONTENTS.put(
                "barrier_events",
                "select event_id, shipment_id, request_id, kind, destination, occurred_at, detail::text "
                        + "from barrier_events order by event_id");
        CONTENTS.put(
                "processed_events", "select consumer, event_id, event_type from processed_events order by event_id");
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReadModelTables tables;

    @Test
    void a_rebuild_equals_the_incrementally_built_read_models_and_reads_go_on_meanwhile() throws Exception {
        org.assistance.reportingservice.dashboard.DemoLikeDataAccess.publish();
        Map<String, List<List<Object>>> incremental = settledContents();
        assertThat(incremental.get("request_facts")).isNotEmpty();
        String request = (String) incremental.get("timeline_entries").get(0).get(1);
        String timeline = given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .get("/api/v1/requests/" + request + "/timeline")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        given().auth()
                .oauth2(Tokens.role("operations"))
                .when()
                .post("/api/v1/admin/rebuild")
                .then()
                .statusCode(403);
        // live handling under way holds the switch-over off: the rebuild is provably still running while we read
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread handling = new Thread(
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    tables.guardLiveHandling();
                    holding.countDown();
                    try {
                        release.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                "live-handling-under-way");
        handling.start();
        CompletableFuture<Integer> dashboardRead;
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            Rebuilds.start();
            // replayed into fresh tables, the rebuild now waits to switch them in
            await().atMost(Duration.ofSeconds(60)).until(this::switchOverWaiting);

            // reads go on meanwhile, from the current tables: the timeline and the donor feed unhindered
            for (int i = 0; i < 3; i++) {
                given().auth()
                        .oauth2(Tokens.role("operations"))
                        .when()
                        .get("/api/v1/requests/" + request + "/timeline")
                        .then()
                        .statusCode(200)
                        .body(equalTo(timeline));
                given().auth()
                        .oauth2(Tokens.role("operations"))
                        .when()
                        .get("/api/v1/feeds/iati")
                        .then()
                        .statusCode(200)
                        .body(containsString("<iati-activities"));
            }
            // a dashboard read (several tables in one transaction) waits for the switch-over, then answers
            dashboardRead = CompletableFuture.supplyAsync(() -> given().auth()
                    .oauth2(Tokens.role("operations"))
                    .when()
                    .get("/api/v1/dashboard")
                    .then()
                    .extract()
                    .statusCode());
            given().auth()
                    .oauth2(Tokens.role("admin"))
                    .when()
                    .get("/api/v1/admin/rebuild")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("RUNNING"));
        } finally {
            release.countDown();
            handling.join(30_000);
        }
        assertThat(dashboardRead.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        // and through the switch-over of the tables (a dashboard read once deadlocked with it: a 500)
        long deadline = System.currentTimeMillis() + 60_000;
        String state;
        do {
            given().auth()
                    .oauth2(Tokens.role("operations"))
                    .when()
                    .get("/api/v1/dashboard")
                    .then()
                    .statusCode(200);
            state = Rebuilds.state();
        } while (!"DONE".equals(state) && System.currentTimeMillis() < deadline);
        assertThat(state).isEqualTo("DONE");

        Map<String, List<List<Object>>> rebuilt = contents();
        for (String table : CONTENTS.keySet()) {
            assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(incremental.get(table));
        }
        // and live consumption goes on into the new tables
        java.util.UUID after = java.util.UUID.randomUUID();
        org.assistance.testsupport.BrokerClient.send(org.assistance.chassis.events.CloudEvent.toRecord(
                new org.assistance.chassis.events.RequestEvents.RequestWithdrawn(
                        after, "agency-x", "after the rebuild", java.time.OffsetDateTime.now()),
                java.util.UUID.randomUUID(),
                "/request-service",
                java.time.OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.role("operations"))
                        .when()
                        .get("/api/v1/requests/" + after + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("[0].type", equalTo("assistance.request.withdrawn.v1")));
    }

    @Test
    void a_rebuild_of_generated_journeys_equals_live_consumption_row_for_row() throws Exception {
        // a poll holds only a few records in tests (assistance.rebuild.poll-records): a request's events
        // span many polls, so the replay reads back rows it wrote before, as it does at scale
        List<org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>> journeys =
                new GeneratedJourneys(18).records(80);
        org.assistance.testsupport.BrokerClient.sendTogether(journeys);
        // every event handled live first (consumers of three topics, each at its own pace)
        java.util.Set<String> ids = new java.util.HashSet<>();
        journeys.forEach(r -> ids.add(new String(
                r.headers()
                        .lastHeader(org.assistance.chassis.events.CloudEvent.HEADER_ID)
                        .value(),
                java.nio.charset.StandardCharsets.UTF_8)));
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> handledLive(ids) == ids.size());
        Map<String, List<List<Object>>> live = settledContents();
        Rebuilds.runToTheEnd();
        Map<String, List<List<Object>>> rebuilt = contents();
        for (String table : CONTENTS.keySet()) {
            assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table));
        }
    }

    @Test
    void a_rebuild_keeps_every_key_index_and_trigger_of_the_read_models_by_name() throws Exception {
        // a later migration names them (drop index, alter constraint): after a rebuild it must find them
        java.util.Set<String> before = shape();
        assertThat(before).anyMatch(line -> line.contains("request_facts_feed_donors"));
        Rebuilds.runToTheEnd();
        assertThat(shape()).containsExactlyElementsOf(before);
    }

    /**
     * Every read-model table's indexes, constraints and triggers, by name and definition; a partial
     * index's predicate only as there (PostgreSQL writes a predicate it read back from its own text
     * with other, equivalent casts).
     */
    private java.util.Set<String> shape() throws Exception {
        java.util.Set<String> shape = new java.util.TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            java.sql.Array tables = c.createArrayOf("text", ReadModelTables.ALL.toArray());
            for (String query : List.of(
                    "select 'index ' || regexp_replace(indexdef, ' WHERE .*$', ' WHERE (a predicate)') from pg_indexes"
                            + " where schemaname = 'public' and tablename = any(?)",
                    "select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                            + " from pg_constraint where conrelid::regclass::text = any(?)",
                    "select 'trigger ' || tgrelid::regclass || ' ' || tgname from pg_trigger"
                            + " where not tgisinternal and tgrelid::regclass::text = any(?)")) {
                try (java.sql.PreparedStatement s = c.prepareStatement(query)) {
                    s.setArray(1, tables);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            shape.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return shape;
    }

    private long handledLive(java.util.Set<String> ids) throws Exception {
        try (Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s =
                        c.prepareStatement("select count(*) from processed_events where event_id::text = any(?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The switch-over waits for the lock that live handling holds. */
    private boolean switchOverWaiting() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_locks where locktype = 'advisory' "
                        + "and mode = 'ExclusiveLock' and not granted")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** The read models once live consumption has taken in everything published so far (a minute at most). */
    private Map<String, List<List<Object>>> settledContents() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        Map<String, List<List<Object>>> previous = contents();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(1500);
            Map<String, List<List<Object>>> now = contents();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        throw new AssertionError("the read models were still changing after a minute");
    }

    private Map<String, List<List<Object>>> contents() throws Exception {
        Map<String, List<List<Object>>> all = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (Map.Entry<String, String> table : CONTENTS.entrySet()) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(table.getValue())) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            row.add(value == null ? null : value.toString());
                        }
                        rows.add(row);
                    }
                }
                all.put(table.getKey(), rows);
            }
        }
        return all;
    }
}
