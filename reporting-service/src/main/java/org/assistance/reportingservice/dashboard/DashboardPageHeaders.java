package org.assistance.reportingservice.dashboard;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * How the dashboard page and its own files are served. The page keeps an operations token in the
 * browser, so it runs only its own files (no inline script or style, nothing from another origin),
 * cannot be framed, has no base or form target to hijack; and it is revalidated on every load, so
 * an upgrade is seen at once. The charting library's files are under a versioned path
 * (/webjars/echarts/5.3.1/...): they keep Quarkus' immutable caching; so do the world map's files from
 * npm (/vendor/world-atlas/2.0.2/...).
 */
@ApplicationScoped
public class DashboardPageHeaders {
    /** Only this origin's files; script-src and style-src fall back to default-src, so no inline code. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; object-src 'none'; base-uri 'none'; " + "form-action 'none'; frame-ancestors 'none'";
    /** The page and its own files: no-cache means "ask again each time" (a 304 when unchanged). */
    static final Set<String> PAGE_FILES = Set.of(
            "/",
            "/index.html",
            "/dashboard.js",
            "/dashboard.css",
            "/end-use.js",
            "/results.js",
            "/map.js",
            "/panels.js",
            "/i18n.js",
            "/i18n/en.js",
            "/i18n/ar.js",
            "/i18n/zh.js",
            "/i18n/fr.js",
            "/i18n/ru.js",
            "/i18n/es.js");

    /** The world map's files from npm, under their package's version: they never change (README: the map). */
    static final String VENDOR = "/vendor/";

    private static final Set<String> PAGES = Set.of("/", "/index.html");

    void register(@Observes Filters filters) {
        filters.register(this::headers, 10);
    }

    private void headers(RoutingContext context) {
        String path = context.normalizedPath();
        if (PAGE_FILES.contains(path)) {
            // at the end: the static file handler writes its own Cache-Control before that
            context.addHeadersEndHandler(ignored -> {
                var headers = context.response().headers();
                headers.set("Cache-Control", "no-cache");
                if (PAGES.contains(path)) {
                    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                }
            });
        }
        if (path.startsWith(VENDOR)) {
            context.addHeadersEndHandler(ignored -> {
                if (context.response().getStatusCode() == 200) {
                    context.response().headers().set("Cache-Control", "public, max-age=31536000, immutable");
                }
            });
        }
        context.next();
    }
}
