package org.assistance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.CountryEvents.PriorityStated;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as operations staff use it, in Debian's headless Chromium: it opens with a
 * token, shows the numbers, and changes by itself, without a reload, when an event arrives.
 */
@QuarkusTest
class DashboardInBrowserTest {

    @TestHTTPResource("/")
    URL dashboard;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            try {
                List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .map(LogEntry::getMessage)
                        .filter(m -> m.contains("Content Security Policy"))
                        .toList();
                assertThat(refused)
                        .as("what the page's Content-Security-Policy refused")
                        .isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void the_dashboard_shows_the_numbers_and_updates_itself_when_an_event_arrives() throws Exception {
        DemoLikeData.publish();
        // a thematic area of this test's own: events of other tests and of the demo data, still
        // arriving on other partitions in any order, cannot move the numbers it narrows to
        String area = "BROWSER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String opening = "Opening request " + UUID.randomUUID();
        publish(opening, area);
        browser.get(dashboard + "#token=" + Tokens.role("operations"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // until the opening request is in the numbers
        HeadlessChromium.reloadUntil(
                browser, b -> b.findElement(By.id("feed")).getText().contains(opening));
        wait.until(b -> !b.findElement(By.id("k-requests")).getText().equals("–"));
        // the filter is a choice among the areas the read models hold: this test's own is one of them
        wait.until(b -> !b.findElements(By.cssSelector("#f-thematicArea option[value='" + area + "']"))
                .isEmpty());
        new Select(browser.findElement(By.name("thematicArea"))).selectByValue(area);
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(b -> b.getCurrentUrl().contains("thematicArea=" + area));
        wait.until(b -> b.findElement(By.id("k-requests")).getText().equals("1"));
        wait.until(b -> b.findElement(By.id("live")).getAttribute("class").contains("on"));
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");

        String title = "Seen live " + UUID.randomUUID();
        publish(title, area);

        wait.until(b -> b.findElement(By.id("feed")).getText().contains(title));
        wait.until(b -> b.findElement(By.id("k-requests")).getText().equals("2"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument === true;"))
                .as("updated without a reload")
                .isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("#c-funnel canvas")).isDisplayed())
                .isTrue();

        Path shot = Path.of("target", "dashboard.png");
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                shot,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void a_country_page_shows_the_states_priorities_and_the_barriers_panel_the_shipments_held() {
        UUID request = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        UUID priority = UUID.randomUUID();
        String title = "Border priority " + UUID.randomUUID().toString().substring(0, 8);
        send(
                new PriorityStated(
                        priority,
                        "QE",
                        1,
                        title,
                        "BORDER_MANAGEMENT",
                        Set.of("EQUIPMENT"),
                        "National plan",
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2027, 12, 31),
                        "focal-qe",
                        OffsetDateTime.now()),
                "/request-service");
        send(
                new RequestSubmitted(
                        request,
                        "agency-browser",
                        "QE",
                        null,
                        "BORDER_MANAGEMENT",
                        Set.of("EQUIPMENT"),
                        "HIGH",
                        "Scanners",
                        "needs",
                        null,
                        List.of(),
                        List.of(),
                        null,
                        OffsetDateTime.now(),
                        priority),
                "/request-service");
        ShipmentLine scanners =
                new ShipmentLine("SCN-1", "Scanner", "BORDER", true, 2, new Money(new BigDecimal("700.00"), "USD"));
        send(
                new ShipmentPlanned(
                        request,
                        shipment,
                        "agency-browser",
                        "QE",
                        "VIE",
                        List.of(scanners),
                        new Money(new BigDecimal("1400.00"), "USD"),
                        OffsetDateTime.now().minusDays(3)),
                "/equipment-service");
        send(
                new ShipmentHeld(
                        request,
                        shipment,
                        "QE",
                        List.of(new ScreeningHit(
                                "SCN-1",
                                "BORDER",
                                UUID.randomUUID(),
                                "LICENCE_REQUIRED",
                                "3A999",
                                "listed",
                                "UN_SECURITY_COUNCIL",
                                "UN Security Council",
                                "Resolution 1718 (2006)")),
                        OffsetDateTime.now().minusDays(2)),
                "/equipment-service");

        browser.get(dashboard + "#token=" + Tokens.role("operations") + "&country=QE");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        HeadlessChromium.reloadUntil(
                browser,
                b -> b.findElement(By.id("t-barriers")).getText().contains("Resolution 1718 (2006)")
                        && b.findElement(By.id("t-priorities")).getText().contains(title));
        assertThat(browser.findElement(By.id("country-page")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("country-title")).getText()).isEqualTo("QE");
        String barriers = browser.findElement(By.id("t-barriers")).getText();
        assertThat(barriers.replace('\u00a0', ' '))
                .contains("Licence required (3A999)", "UN Security Council", "USD 1,400.00");
        // back to every country: the country's page closes
        browser.findElement(By.id("country-close")).click();
        wait.until(b -> !b.findElement(By.id("country-page")).isDisplayed());
    }

    private static void send(org.assistance.chassis.events.AssistanceEvent event, String source) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), source, OffsetDateTime.now()));
    }

    @Test
    void a_watcher_who_changes_the_language_reads_the_next_live_events_in_it() {
        browser.get(dashboard + "#token=" + Tokens.role("operations"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> b.findElement(By.id("live")).getAttribute("class").contains("on"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("fr");
        // the stream opened in English is opened again in French
        wait.until(b -> "fr".equals(b.findElement(By.tagName("html")).getAttribute("lang")));
        String title = "Seen live in French " + UUID.randomUUID();
        String french = "Soumise par agency-browser : " + title;
        wait.until(b -> {
            if (b.findElement(By.id("feed")).getText().contains(french)) {
                return true;
            }
            publish(title, "CYBERCRIME"); // again, until the stream opened anew carries one in French
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return b.findElement(By.id("feed")).getText().contains(french);
        });
    }

    @Test
    void on_a_phone_sized_screen_nothing_overflows_sideways() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(dashboard + "#token=" + Tokens.role("operations"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(b -> !b.findElement(By.id("k-requests")).getText().equals("–"));
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }

    @Test
    void without_a_token_the_page_asks_for_one() {
        browser.get(dashboard.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(b -> b.findElement(By.id("login")).isDisplayed());
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
    }

    private static void publish(String title, String thematicArea) {
        UUID id = UUID.randomUUID();
        RequestSubmitted submitted = new RequestSubmitted(
                id,
                "agency-browser",
                "SN",
                null,
                thematicArea,
                Set.of("TRAINING"),
                "MEDIUM",
                title,
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(submitted, UUID.randomUUID(), "/request-service", OffsetDateTime.now()));
    }
}
