package org.assistance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
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
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in the six languages of the United Nations, in headless Chromium: the reader
 * picks a language (or the browser's own is taken), the page's words, numbers and charts follow
 * (Arabic right to left, its charts mirrored), the choice outlives a reload, a view's filters
 * travel in its URL, each panel exports its data and its chart, and axe-core finds no serious or
 * critical WCAG 2.1 A/AA violation.
 */
@QuarkusTest
class DashboardInSixLanguagesTest {
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    /** Each language's name of the status funnel and of the requests card: the page reads in it. */
    private static final Map<String, List<String>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("en", List.of("Status funnel", "Requests"));
        WORDS.put("ar", List.of("مسار حالات الطلبات", "الطلبات"));
        WORDS.put("zh", List.of("状态漏斗", "请求"));
        WORDS.put("fr", List.of("Entonnoir des statuts", "Demandes"));
        WORDS.put("ru", List.of("Воронка статусов", "Запросы"));
        WORDS.put("es", List.of("Embudo de estados", "Solicitudes"));
    }

    @TestHTTPResource("/")
    URL dashboard;

    private ChromeDriver browser;
    private Path downloads;

    private ChromeDriver open(String browserLanguage) throws IOException {
        downloads = Files.createTempDirectory("dashboard-downloads");
        browser = HeadlessChromium.open(browserLanguage, downloads);
        return browser;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            try {
                List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .map(LogEntry::getMessage)
                        .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught"))
                        .toList();
                assertThat(refused)
                        .as("what the page's policy refused or its scripts failed at")
                        .isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void the_page_reads_in_each_language_arabic_right_to_left_and_axe_finds_no_serious_violation() throws Exception {
        DemoLikeData.publish();
        open("en-GB");
        browser.get(dashboard + "#token=" + Tokens.role("operations"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(b -> !b.findElement(By.id("k-requests")).getText().equals("–"));
        browser.manage().window().setSize(new Dimension(1400, 2800));
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        for (Map.Entry<String, List<String>> language : WORDS.entrySet()) {
            String lang = language.getKey();
            new Select(browser.findElement(By.id("lang"))).selectByValue(lang);
            wait.until(b -> lang.equals(b.findElement(By.tagName("html")).getAttribute("lang"))
                    && b.findElement(By.id("h-funnel"))
                            .getText()
                            .equals(language.getValue().get(0)));
            assertThat(browser.findElement(By.cssSelector(".card .label")).getText())
                    .isEqualTo(language.getValue().get(1));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("dir"))
                    .isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
            wait.until(b -> script("return document.querySelector('#d-funnel caption').textContent")
                    .equals(language.getValue().get(0)));
            Thread.sleep(800); // the charts drawn again, the server's words (the latest events) back
            Files.copy(
                    browser.getScreenshotAs(OutputType.FILE).toPath(),
                    screenshots.resolve("dashboard-" + lang + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
            if (Set.of("en", "ar", "fr").contains(lang)) {
                assertThat(seriousViolations()).as("axe-core in %s", lang).isEqualTo("[]");
            }
            if ("ar".equals(lang)) {
                // mirrored: the stages' axis on the right, the counts growing leftwards; the columns' values on the
                // right
                assertThat(script("return JSON.stringify(echarts.getInstanceByDom(document.getElementById('c-funnel'))"
                                + ".getOption().yAxis[0].position + ' ' + echarts.getInstanceByDom("
                                + "document.getElementById('c-funnel')).getOption().xAxis[0].inverse)"))
                        .isEqualTo("\"right true\"");
                assertThat(script("return String(echarts.getInstanceByDom(document.getElementById('c-times'))"
                                + ".getOption().xAxis[0].inverse)"))
                        .isEqualTo("true");
                assertThat(browser.findElement(By.cssSelector("label[for=lang]"))
                                .getText())
                        .isEqualTo("اللغة");
            }
        }
    }

    @Test
    void a_shared_view_opens_in_the_browsers_language_with_its_filters_and_french_numbers() throws Exception {
        String area = "LANG_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        approvedRequest(area, "KE");
        open("fr-FR");
        browser.get(dashboard + "?thematicArea=" + area + "#token=" + Tokens.role("operations"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        HeadlessChromium.reloadUntil(
                browser,
                b -> b.findElement(By.id("k-requests")).getText().equals("1")
                        && !b.findElement(By.id("k-approval")).getText().equals("–"));
        // no choice made yet: the browser's language, French; its numbers written the French way
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.id("h-funnel")).getText()).isEqualTo("Entonnoir des statuts");
        assertThat(spaces(browser.findElement(By.id("k-approval")).getText())).isEqualTo("100,0 %");
        assertThat(new Select(browser.findElement(By.id("f-thematicArea")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(area);
        // the keyboard: the first Tab shows the skip link, Enter takes the focus to the dashboard
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        var skip = browser.switchTo().activeElement();
        assertThat(skip.getAttribute("class")).isEqualTo("skip");
        assertThat(skip.getText()).isEqualTo("Aller au tableau de bord");
        assertThat(skip.getRect().getY()).isGreaterThanOrEqualTo(0);
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main-content");

        // the choices are named in French, Kenya among the countries
        wait.until(b ->
                !b.findElements(By.cssSelector("#f-country option[value=KE]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#f-country option[value=KE]"))
                        .getText())
                .isEqualTo("Kenya (KE)");

        // another filter chosen: it goes into the URL; back returns to the view before
        new Select(browser.findElement(By.id("f-country"))).selectByValue("KE");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(b ->
                b.getCurrentUrl().contains("country=KE") && b.getCurrentUrl().contains("thematicArea=" + area));
        browser.navigate().back();
        wait.until(b -> !b.getCurrentUrl().contains("country=KE"));
        wait.until(b -> new Select(b.findElement(By.id("f-country")))
                .getFirstSelectedOption()
                .getAttribute("value")
                .isEmpty());
        assertThat(new Select(browser.findElement(By.id("f-thematicArea")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(area);

        // Spanish chosen: kept after a reload, whatever the browser's language
        new Select(browser.findElement(By.id("lang"))).selectByValue("es");
        wait.until(b -> "es".equals(b.findElement(By.tagName("html")).getAttribute("lang")));
        browser.navigate().refresh();
        wait.until(b -> b.findElement(By.id("h-funnel")).getText().equals("Embudo de estados"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(new Select(browser.findElement(By.id("lang")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Español");
    }

    @Test
    void each_panel_exports_its_data_as_csv_and_its_chart_as_png_named_in_the_language() throws Exception {
        open("ar");
        browser.get(dashboard + "#token=" + Tokens.role("operations"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> !b.findElement(By.id("k-requests")).getText().equals("–"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        var csv = browser.findElement(By.cssSelector("#p-funnel .exports button.csv"));
        assertThat(csv.getAccessibleName()).isEqualTo("تنزيل بيانات «مسار حالات الطلبات» بصيغة CSV");
        csv.click();
        Path file = downloaded(wait, ".csv");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // UTF-8's byte order mark: a spreadsheet reads Arabic
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("مسار حالات الطلبات", "مقدَّم");

        browser.findElement(By.cssSelector("#p-funnel .exports button.png")).click();
        Path png = downloaded(wait, ".png");
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    private Path downloaded(WebDriverWait wait, String suffix) {
        return wait.until(b -> {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done =
                        files.filter(f -> f.toString().endsWith(suffix)).findFirst();
                return done.filter(f -> f.toFile().length() > 0).orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private String script(String code) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(code));
    }

    /** axe-core's serious and critical violations of WCAG 2.0/2.1 A and AA, as JSON ("[]": none). */
    private String seriousViolations() throws IOException {
        try (InputStream axe = getClass().getClassLoader().getResourceAsStream(AXE)) {
            assertThat(axe).as(AXE).isNotNull();
            ((JavascriptExecutor) browser).executeScript(new String(axe.readAllBytes(), StandardCharsets.UTF_8));
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                          .then((r) => done(JSON.stringify(r.violations
                            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                            .map((v) => ({ id: v.id, impact: v.impact,
                              nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + n.failureSummary) })))))
                          .catch((e) => done('axe failed: ' + e));""");
        return String.valueOf(result);
    }

    private static String spaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static void approvedRequest(String area, String country) {
        UUID request = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        publish(new RequestSubmitted(
                request,
                "agency-languages",
                country,
                null,
                area,
                Set.of("TRAINING"),
                "MEDIUM",
                "Six languages",
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                now.minusDays(3),
                null));
        publish(new RequestApproved(
                request,
                "agency-languages",
                country,
                area,
                "LANG",
                new Money(new BigDecimal("1234.50"), "EUR"),
                false,
                List.<EquipmentLine>of(),
                List.<PlannedActivity>of(),
                List.of(new DonorShare("donor-languages", "Donor of languages", "XI-IATI-LANG")),
                List.of("reviewer"),
                now.minusDays(1)));
    }

    private static void publish(AssistanceEvent event) {
        BrokerClient.send(CloudEvent.toRecord(
                event,
                UUID.randomUUID(),
                Topics.expectedSource(EventType.of(event).topic()),
                OffsetDateTime.now()));
    }
}
