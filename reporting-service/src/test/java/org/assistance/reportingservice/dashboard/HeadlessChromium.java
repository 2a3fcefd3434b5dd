package org.assistance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium as the dashboard's browser tests drive it: a profile of its own, no
 * call to Google's hosts (this machine's network refuses them), the console kept for the test to
 * read (the page's policy must have refused nothing).
 */
final class HeadlessChromium {
    static final String CHROMIUM = System.getProperty("assistance.test.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("assistance.test.chromedriver", "/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** A browser in the machine's language. */
    static ChromeDriver open() throws IOException {
        return open(null, null);
    }

    /**
     * A browser reading {@code language} first (null: the machine's), saving downloads into
     * {@code downloads} without asking (null: none expected).
     */
    static ChromeDriver open(String language, Path downloads) throws IOException {
        assertThat(new File(CHROMIUM))
                .as("Chromium is needed: deploy/tools/install-browser installs it")
                .exists();
        assertThat(new File(DRIVER))
                .as("ChromeDriver is needed: deploy/tools/install-browser installs it")
                .exists();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"),
                        "--window-size=1400,1000");
        Map<String, Object> preferences = new LinkedHashMap<>();
        if (language != null) {
            options.addArguments("--lang=" + language);
            preferences.put("intl.accept_languages", language);
        }
        if (downloads != null) {
            preferences.put("download.default_directory", downloads.toString());
            preferences.put("download.prompt_for_download", false);
        }
        if (!preferences.isEmpty()) {
            options.setExperimentalOption("prefs", preferences);
        }
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", console);
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(DRIVER))
                        .usingAnyFreePort()
                        .build(),
                options);
    }

    /**
     * Reloads the page until it shows what {@code shown} looks for: the events a test published reach
     * the read models some time later. The page fills itself after it has loaded (its data is
     * fetched), so each reload is given a while to show it before the next; a check right after the
     * reload would race the page's own requests and, on a slow machine, never see the data.
     */
    static void reloadUntil(WebDriver browser, Predicate<WebDriver> shown) {
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .pollingEvery(Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class)
                .until(new Function<WebDriver, Boolean>() {
                    private long reloadAt =
                            System.nanoTime() + Duration.ofSeconds(3).toNanos();

                    @Override
                    public Boolean apply(WebDriver b) {
                        if (shown.test(b)) {
                            return true;
                        }
                        if (System.nanoTime() - reloadAt > 0) {
                            b.navigate().refresh();
                            reloadAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                        }
                        return false;
                    }
                });
    }
}
