package org.assistance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ShipmentEvents.EndUseCheckRecorded;
import org.assistance.chassis.events.ShipmentEvents.EndUseMonitoringStarted;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.Values.DonorShare;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;
import org.assistance.reportingservice.enduse.Today;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's "Equipment after delivery" panel, in headless Chromium, for a programme of this
 * test's own: the checks due, met and overdue and the findings by result (drawn, and the same
 * numbers in the table), and the overdue check listed with its serial number and item.
 */
@QuarkusTest
class EndUsePanelInBrowserTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 7, 10);
    /** How the page writes a day in English (Intl's medium date style): Jul 10, 2027. */
    private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    @TestHTTPResource("/")
    URL dashboard;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        QuarkusMock.installMockForType(
                new Today(Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)), Today.class);
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            try {
                List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .map(LogEntry::getMessage)
                        .filter(m -> m.contains("Content Security Policy") || m.contains("end-use.js"))
                        .toList();
                assertThat(refused).as("what the page refused or failed at").isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void the_panel_shows_checks_due_met_and_overdue_the_findings_and_the_overdue_check() {
        String programme = "EB" + UUID.randomUUID().toString().substring(0, 6);
        String item = "EB-WS-" + UUID.randomUUID().toString().substring(0, 6);
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        OffsetDateTime approved = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        publish(new RequestSubmitted(
                request,
                "agency-browser",
                "QW",
                null,
                "CYBERCRIME",
                Set.of("EQUIPMENT"),
                "HIGH",
                "Workstations",
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                approved.minusDays(10),
                null));
        publish(new RequestApproved(
                request,
                "agency-browser",
                "QW",
                "CYBERCRIME",
                programme,
                new Money(new BigDecimal("900.00"), "USD"),
                false,
                List.of(new EquipmentLine(item, 3, "needed")),
                List.<PlannedActivity>of(),
                List.of(new DonorShare("donor-browser", "Donor", "XI-IATI-BROWSER")),
                List.of("reviewer"),
                approved));
        publish(new ShipmentPlanned(
                request,
                shipment,
                "agency-browser",
                "QW",
                "VIE",
                List.of(new ShipmentLine(
                        item,
                        "Forensic workstation",
                        "FORENSIC_IT",
                        true,
                        3,
                        new Money(new BigDecimal("300.00"), "USD"))),
                new Money(new BigDecimal("900.00"), "USD"),
                approved.plusDays(5)));
        LocalDate delivered = LocalDate.of(2027, 1, 5);
        LocalDate due = delivered.plusMonths(6);
        publish(new EndUseMonitoringStarted(
                request,
                shipment,
                "agency-browser",
                "QW",
                List.of(new UnitSerial(item, "WB-1"), new UnitSerial(item, "WB-2"), new UnitSerial(item, "WB-3")),
                List.of(due, delivered.plusMonths(12)),
                delivered.atStartOfDay().atOffset(ZoneOffset.UTC),
                delivered.atStartOfDay().atOffset(ZoneOffset.UTC)));
        check(request, shipment, item, "WB-1", "IN_USE", due.minusDays(1));
        check(request, shipment, item, "WB-3", "DAMAGED", due.plusDays(1));

        // the programme chosen in the URL's query, as a shared link gives it
        browser.get(dashboard + "?programme=" + programme + "#token=" + Tokens.role("operations"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> !b.findElement(By.id("k-requests")).getText().equals("–"));
        assertThat(new Select(browser.findElement(By.name("programme")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(programme);
        // three units, each with one check due by TODAY: WB-1 and WB-3 met it, WB-2 is overdue; one damaged
        String totals = "All 3 3 2 1 0 0 0 1";
        HeadlessChromium.reloadUntil(
                browser,
                b -> b.findElement(By.cssSelector("#t-end-use tfoot")).getText().equals(totals));
        assertThat(browser.findElement(By.cssSelector("#t-end-use tbody")).getText())
                .isEqualTo("QW 3 3 2 1 0 0 0 1");
        assertThat(browser.findElement(By.cssSelector("#t-end-use-overdue tbody"))
                        .getText())
                .isEqualTo("WB-2 Forensic workstation QW " + request + " " + ENGLISH_DAY.format(due) + " "
                        + java.time.temporal.ChronoUnit.DAYS.between(due, TODAY));
        assertThat(browser.findElement(By.id("end-use-as-of")).getText()).isEqualTo(ENGLISH_DAY.format(TODAY));
        assertThat(browser.findElement(By.cssSelector("#c-end-use canvas")).isDisplayed())
                .isTrue();
    }

    private static void check(UUID request, UUID shipment, String item, String serial, String result, LocalDate on) {
        publish(new EndUseCheckRecorded(
                request,
                shipment,
                UUID.randomUUID(),
                item,
                serial,
                "QW",
                1,
                result,
                on,
                "Monitoring officer",
                null,
                "logistics",
                on.atTime(15, 0).atOffset(ZoneOffset.UTC)));
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(
                event,
                UUID.randomUUID(),
                Topics.expectedSource(EventType.of(event).topic()),
                OffsetDateTime.now()));
    }
}
