package org.assistance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the benchmark scenarios against a platform that deploy/bench/run started as
 * `platform up` does, and prints each figure beside its raw reference measured in the same run,
 * the ratio ours ÷ reference, and each target of issue 18 as MET or MISSED. Figures are printed,
 * never asserted: a slow machine gives slow figures, not a failure. The load comes from wrk
 * (deploy/bench/submit.lua), outside the services' JVMs; this JVM only watches.
 *
 * Options: --quick (small sizes, under 3 minutes), --only 1,2,... (scenarios to run),
 * --platform-up-seconds S (measured by the script), --out FILE (the JSON results).
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        double platformUp = Double.NaN;
        Path out = null;
        Set<String> only = Set.of("1", "2", "3", "4", "5");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--platform-up-seconds" -> platformUp = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Platform platform = new Platform(
                Path.of(System.getProperty("assistance.root", "."))
                        .toAbsolutePath()
                        .normalize(),
                Path.of(System.getenv("ASSISTANCE_STATE_DIR")),
                System.getenv().getOrDefault("ASSISTANCE_DATABASE_PREFIX", ""));
        platform.ensureCatalogueItem("FOR-WB-001");
        int clients = 8;
        Duration warmUp = Duration.ofSeconds(quick ? 3 : 10);
        // the JIT of four JVMs on two cores settles after minutes of load (IngestScenario.WARM_COMPILER_SHARE)
        Duration longestWarmUp = Duration.ofSeconds(quick ? 3 : 480);
        Duration ingestTime = Duration.ofSeconds(quick ? 6 : 30);
        int latencyRequests = quick ? 200 : 1000;
        int ratePerSecond = 20;
        long replayEvents = quick ? 12_000 : 1_000_000;
        int feedActivities = quick ? 1_000 : 10_000;

        System.out.printf(
                "Benchmarks (%s) on %s, %d cores, Java %s; services' JVM options: %s%n",
                quick ? "quick" : "full",
                InetAddress.getLocalHost().getHostName(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                String.join(" ", FootprintScenario.jvmOptions(platform.root)));
        PostgresSettings postgres = new PostgresSettings(platform);
        Map<String, String> settings = postgres.read();
        System.out.println("PostgreSQL: " + settings);
        String loadBefore = loadAverage();
        long begin = System.nanoTime();
        List<Figure> figures = new ArrayList<>();
        Map<String, Double> rssAfterLoad = null;
        Wrk wrk = new Wrk(platform.root, clients);
        IngestScenario ingest = new IngestScenario(platform, wrk, clients, warmUp, longestWarmUp, ingestTime);
        FootprintScenario footprint = new FootprintScenario(platform, wrk, ingest::loadDuration);
        if (only.contains("1")) {
            System.out.println("1. ingest (wrk, " + clients + " connections)...");
            figures.addAll(ingest.measureReference());
            figures.addAll(ingest.wholePlatform());
            if (only.contains("4")) { // every service has had the same load, for the same time as the bare app will
                rssAfterLoad = footprint.residentMemory();
            }
            figures.addAll(ingest.requestServiceAlone());
            // autovacuum (off on this machine) would have analysed the tables the bursts filled
            double vacuum = postgres.vacuumAnalyze(Platform.SERVICES);
            figures.add(Figure.plain("1 ingest", "VACUUM ANALYZE of the four databases after the load", vacuum, "s"));
        }
        if (only.contains("2")) {
            System.out.println("2. event -> dashboard latency...");
            figures.addAll(new DashboardLatencyScenario(platform, latencyRequests, ratePerSecond).run());
        }
        if (only.contains("4") && rssAfterLoad == null) {
            rssAfterLoad = footprint.residentMemory();
        }
        if (only.contains("3")) {
            System.out.println("3. replay...");
            figures.addAll(new ReplayScenario(platform, replayEvents, feedActivities).run());
            // the rebuild filled the read models: what autovacuum would do before anyone reads them
            double vacuum = postgres.vacuumAnalyze(List.of("reporting-service"));
            figures.add(Figure.plain("3 rebuild", "VACUUM ANALYZE of the read models after the rebuild", vacuum, "s"));
        }
        if (only.contains("5") && only.contains("3")) { // the feed's activities come from the replay
            System.out.println("5. feed...");
            figures.addAll(new FeedScenario(platform, feedActivities).run());
        }
        if (only.contains("4")) {
            System.out.println("4. footprint...");
            figures.addAll(footprint.run(rssAfterLoad, platformUp));
        }
        double total = (System.nanoTime() - begin) / 1e9;
        print(figures);
        System.out.printf(
                "Scenarios ran in %.0f s; load average before %s, after %s.%n", total, loadBefore, loadAverage());
        if (out != null) {
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("mode", quick ? "quick" : "full");
            results.put("measuredAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            results.put("host", InetAddress.getLocalHost().getHostName());
            results.put("cores", Runtime.getRuntime().availableProcessors());
            results.put("java", System.getProperty("java.version"));
            results.put("serviceJvmOptions", FootprintScenario.jvmOptions(platform.root));
            results.put("loadGenerator", "wrk, 2 threads, " + clients + " connections, deploy/bench/submit.lua");
            results.put("postgres", settings);
            results.put("loadAverageBefore", loadBefore);
            results.put("loadAverageAfter", loadAverage());
            results.put("scenarioSeconds", total);
            results.put("figures", figures);
            Files.createDirectories(out.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
            System.out.println("Results: " + out);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    private static void print(List<Figure> figures) {
        String format = "%-12s %-58s %10s %-6s %10s  %-46s %6s  %s%n";
        System.out.println();
        System.out.printf(
                format, "scenario", "figure", "value", "", "reference", "(measured in this run)", "ratio", "target");
        for (Figure f : figures) {
            System.out.printf(
                    format,
                    f.scenario(),
                    f.metric(),
                    number(f.value()),
                    f.unit(),
                    f.referenceValue() == null ? "" : number(f.referenceValue()),
                    f.reference() == null ? "" : f.reference(),
                    f.ratio() == null ? "" : String.format("%.3f", f.ratio()),
                    verdict(f));
        }
        System.out.println();
        System.out.println("Targets (ratio = ours / reference):");
        long met = 0;
        long targets = 0;
        for (Figure f : figures) {
            if (f.target() != null) {
                targets++;
                met += f.met() ? 1 : 0;
                System.out.printf(
                        "  %-7s %-12s %-58s %s%s%n",
                        f.met() ? "MET" : "MISSED",
                        f.scenario(),
                        f.metric(),
                        f.ratio() == null
                                ? number(f.value()) + " " + f.unit()
                                : String.format(
                                        "ratio %.3f (%s %s / %s)",
                                        f.ratio(), number(f.value()), f.unit(), number(f.referenceValue())),
                        "   target " + f.target());
            }
        }
        System.out.printf("  %d of %d targets met.%n", met, targets);
    }

    private static String verdict(Figure f) {
        return f.target() == null ? "" : f.target() + (f.met() ? "  MET" : "  MISSED");
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
