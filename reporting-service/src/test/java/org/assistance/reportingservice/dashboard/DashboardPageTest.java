package org.assistance.reportingservice.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard page keeps an operations token in the browser: it is served so that nothing but
 * its own files can run in it, nobody can frame it, and an upgrade reaches the reader at once.
 */
@QuarkusTest
class DashboardPageTest {

    @Test
    void the_page_runs_only_its_own_files_and_cannot_be_framed() {
        for (String page : new String[] {"/", "/index.html"}) {
            Response answer = given().when().get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            String policy = answer.header("Content-Security-Policy");
            assertThat(policy)
                    .as("policy of %s", page)
                    .isNotNull()
                    .contains(
                            "default-src 'self'",
                            "object-src 'none'",
                            "base-uri 'none'",
                            "form-action 'none'",
                            "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(answer.header("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(page).isEqualTo("no-referrer");
        }
    }

    @Test
    void the_page_has_no_inline_script_or_style_for_the_policy_to_refuse() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE)
                        .matcher(html)
                        .find())
                .as("a script without src")
                .isFalse();
        assertThat(html)
                .doesNotContainPattern("(?i)<style[\\s>]")
                .doesNotContainPattern("(?i)\\sstyle=")
                .doesNotContainPattern("(?i)\\son[a-z]+=")
                .doesNotContain("javascript:");
    }

    @Test
    void an_upgrade_of_the_page_is_seen_at_once_while_the_versioned_chart_library_stays_cached() {
        for (String file : DashboardPageHeaders.PAGE_FILES) {
            Response answer = given().when().get(file);
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as("caching of %s", file).isEqualTo("no-cache");
            // revalidation is cheap: the browser asks with what it has and gets 304 when nothing changed
            String lastModified = answer.header("Last-Modified");
            assertThat(lastModified).as("Last-Modified of %s", file).isNotBlank();
            given().header("If-Modified-Since", lastModified)
                    .when()
                    .get(file)
                    .then()
                    .statusCode(304);
        }
        Response library = given().when().get("/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.header("Cache-Control")).contains("immutable", "max-age=");
        assertThat(library.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
