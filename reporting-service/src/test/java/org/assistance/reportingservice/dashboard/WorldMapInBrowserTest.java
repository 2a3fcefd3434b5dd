package org.assistance.reportingservice.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's world map, in Debian's headless Chromium: drawn from the application's own files
 * (the map's data and code come from npm at build time, none from another host at run time),
 * coloured by requests per country, and a way into a country's page, by mouse on the map or by
 * keyboard from the countries table, its text alternative.
 */
@QuarkusTest
class WorldMapInBrowserTest {
    private static final List<String> VENDOR_FILES = List.of(
            "/vendor/world-atlas/2.0.2/countries-110m.json",
            "/vendor/world-atlas/2.0.2/LICENSE",
            "/vendor/topojson-client/3.1.0/dist/topojson-client.min.js",
            "/vendor/topojson-client/3.1.0/LICENSE",
            "/vendor/i18n-iso-countries/7.14.0/codes.json",
            "/vendor/i18n-iso-countries/7.14.0/LICENSE");

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
                List<String> messages = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .map(LogEntry::getMessage)
                        .toList();
                assertThat(messages.stream().filter(m -> m.contains("Content Security Policy")))
                        .as("what the page's Content-Security-Policy refused")
                        .isEmpty();
                assertThat(messages.stream().filter(m -> m.contains("map.js") || m.contains("/vendor/")))
                        .as("errors of the map's scripts and files")
                        .isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void the_map_is_drawn_from_the_applications_own_files_and_asks_no_other_host() throws Exception {
        submit("MN");
        WebDriverWait wait = openUntilListed("MN");
        WebElement map = browser.findElement(By.id("c-map"));
        wait.until(b -> mapShows("MN"));

        assertThat(map.getAttribute("role")).isEqualTo("img");
        assertThat(map.getAttribute("aria-label")).startsWith("World map of requests by country: ");
        assertThat(map.findElement(By.tagName("canvas")).isDisplayed()).isTrue();
        // the canvas is painted: most of it is the world's countries, not blank
        Number painted = (Number) script("const c = document.querySelector('#c-map canvas');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n / (c.width * c.height);");
        assertThat(painted.doubleValue()).as("share of the canvas painted").isGreaterThan(0.1);
        // and Mongolia, with requests, is in the legend's blue, not the grey of a country without any
        @SuppressWarnings("unchecked")
        List<Number> colour = (List<Number>) script("const el = document.getElementById('c-map');"
                + "const c = el.querySelector('canvas'); const ratio = c.width / el.clientWidth;"
                + "const p = echarts.getInstanceByDom(el).convertToPixel({seriesIndex: 0}, [103.0, 46.8]);"
                + "return Array.from(c.getContext('2d').getImageData(Math.round(p[0] * ratio),"
                + " Math.round(p[1] * ratio), 1, 1).data);");
        assertThat(colour.get(3).intValue()).as("opacity").isEqualTo(255);
        assertThat(colour.get(2).intValue() - colour.get(0).intValue())
                .as("blue over red of %s", colour)
                .isGreaterThan(20);

        // every file the page loaded came from the application itself, the map's among them
        @SuppressWarnings("unchecked")
        List<String> loaded =
                (List<String>) script("return performance.getEntriesByType('resource').map((e) => e.name);");
        String origin = dashboard.getProtocol() + "://" + dashboard.getAuthority() + "/";
        assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin));
        assertThat(loaded)
                .anySatisfy(url -> assertThat(url).endsWith("/vendor/world-atlas/2.0.2/countries-110m.json"))
                .anySatisfy(url -> assertThat(url).endsWith("/vendor/i18n-iso-countries/7.14.0/codes.json"))
                .anySatisfy(
                        url -> assertThat(url).endsWith("/vendor/topojson-client/3.1.0/dist/topojson-client.min.js"))
                .anySatisfy(url -> assertThat(url).endsWith("/map.js"));
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "world-map.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void the_maps_files_are_served_by_the_application_with_their_licences_and_cached_for_good() {
        for (String file : VENDOR_FILES) {
            Response answer = given().when().get(file);
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as(file).contains("immutable", "max-age=");
            assertThat(answer.header("X-Content-Type-Options")).as(file).isEqualTo("nosniff");
        }
        assertThat(given().get("/vendor/world-atlas/2.0.2/LICENSE").asString()).contains("Michael Bostock");
        assertThat(given().get("/vendor/i18n-iso-countries/7.14.0/codes.json").asString())
                .contains("[\"MN\", \"MNG\", \"496\"");
        assertThat(given().get("/vendor/topojson-client/3.1.0/dist/topojson-client.min.js")
                        .contentType())
                .contains("javascript");
        // a file that is not there is not cached for a year
        Response missing = given().when().get("/vendor/world-atlas/2.0.2/countries-1m.json");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(String.valueOf(missing.header("Cache-Control"))).doesNotContain("immutable");
        // the map's own script is the page's: asked again on each load
        assertThat(given().get("/map.js").header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void clicking_a_country_with_requests_on_the_map_opens_its_page() {
        submit("MN");
        WebDriverWait wait = openUntilListed("MN");
        wait.until(b -> mapShows("MN"));
        WebElement map = browser.findElement(By.id("c-map"));
        script("document.getElementById('c-map').scrollIntoView({block: 'center'});");
        // where Ulaanbaatar's country is on the canvas, as the chart itself places it
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) script("return echarts.getInstanceByDom(document.getElementById('c-map'))"
                + ".convertToPixel({seriesIndex: 0}, [103.0, 46.8]);");
        Rectangle box = map.getRect();
        int x = (int) Math.round(point.get(0).doubleValue() - box.getWidth() / 2.0);
        int y = (int) Math.round(point.get(1).doubleValue() - box.getHeight() / 2.0);
        new Actions(browser).moveToElement(map, x, y).click().perform();

        wait.until(b -> b.findElement(By.id("country-page")).isDisplayed());
        wait.until(b ->
                b.findElement(By.id("country-title")).getText().equals("Mongolia")); // named in the page's language
        assertThat(browser.getCurrentUrl()).endsWith("#country=MN");
    }

    @Test
    void a_keyboard_user_chooses_a_country_from_the_countries_table_and_its_page_opens() {
        submit("KZ");
        WebDriverWait wait = openUntilListed("KZ");
        wait.until(b -> mapShows("KZ"));
        WebElement link = browser.findElement(By.cssSelector("#t-countries a[href='#country=KZ']"));
        script("window.__shown = [];"
                + "echarts.getInstanceByDom(document.getElementById('c-map'))"
                + ".on('highlight', (e) => window.__shown.push(e.name));");
        script("arguments[0].focus();", link);
        // reached with the keyboard, the country is shown on the map too
        wait.until(b -> Boolean.TRUE.equals(
                script("return window.__shown.includes('KZ') && document.activeElement === arguments[0];", link)));
        link.sendKeys(Keys.ENTER);
        wait.until(b -> b.findElement(By.id("country-page")).isDisplayed());
        wait.until(b -> b.findElement(By.id("country-title")).getText().equals("Kazakhstan"));
    }

    @Test
    void the_map_names_countries_in_the_readers_language_and_takes_its_words_from_the_page() {
        browser.get(dashboard + "#token=" + Tokens.role("operations"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> Boolean.TRUE.equals(script("return !!window.WorldMap && !!window.echarts;")));
        // a map of its own, as the translated dashboard draws it: in French, then in Arabic, right to left
        Object label = ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "const el = document.createElement('div'); el.className = 'plot map';"
                        + "document.getElementById('dashboard').appendChild(el);"
                        + "const rows = [{country: 'MN', requests: 1234, delivered: 2}, {country: 'QE', requests: 1,"
                        + " delivered: 0}];"
                        + "WorldMap.render(el, rows, {language: 'fr', labels: {summary: 'Carte : {countries} pays,"
                        + " surtout {top} ({requests} demandes).', notDrawn: 'Hors carte (demandes) : {countries}.'}})"
                        + ".then(() => { const fr = el.getAttribute('aria-label');"
                        + " const note = el.nextElementSibling.textContent;"
                        + " return WorldMap.render(el, rows, {language: 'ar', rtl: true}).then(() =>"
                        + " done([fr, note, el.getAttribute('aria-label'), el.dir])); })"
                        + ".catch((e) => done(String(e)));");
        assertThat(label).isInstanceOf(List.class);
        List<?> answers = (List<?>) label;
        assertThat(answers.get(0))
                .isEqualTo("Carte : 1 pays, surtout Mongolie (1\u202f234 demandes). Hors carte (demandes) : QE 1.");
        // a country the atlas cannot draw at this scale is named under the map, for every reader
        assertThat(answers.get(1)).isEqualTo("Hors carte (demandes) : QE 1.");
        assertThat((String) answers.get(2)).contains("منغوليا");
        assertThat(answers.get(3)).isEqualTo("rtl");
    }

    /** Opens the dashboard until the countries table lists the country (its events are in the read models). */
    private WebDriverWait openUntilListed(String country) {
        browser.get(dashboard + "#token=" + Tokens.role("operations"));
        HeadlessChromium.reloadUntil(
                browser,
                b -> !b.findElements(By.cssSelector("#t-countries a[href='#country=" + country + "']"))
                        .isEmpty());
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private boolean mapShows(String country) {
        return Boolean.TRUE.equals(script(
                "const el = document.getElementById('c-map');"
                        + "const chart = window.echarts && echarts.getInstanceByDom(el);"
                        + "const option = chart && chart.getOption();"
                        + "return !!(option && option.series && option.series.length"
                        + " && option.series[0].data.some((d) => d.name === arguments[0] && d.value > 0)"
                        + " && el.querySelector('canvas') && el.getAttribute('aria-label'));",
                country));
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private static void submit(String country) {
        RequestSubmitted submitted = new RequestSubmitted(
                UUID.randomUUID(),
                "agency-map",
                country,
                null,
                "BORDER_MANAGEMENT",
                Set.of("EQUIPMENT"),
                "MEDIUM",
                "Map request " + UUID.randomUUID(),
                "needs",
                null,
                List.of(),
                List.of(),
                null,
                OffsetDateTime.now());
        BrokerClient.send(CloudEvent.toRecord(submitted, UUID.randomUUID(), "/request-service", OffsetDateTime.now()));
    }
}
