package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assistance.topology.Service;
import org.assistance.topology.Topology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The first command of the README: the whole platform comes up, answers, and goes away. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPlatformIT {
    private static final String PREFIX = Launcher.uniquePrefix("platform");
    private static final Map<String, String> ENV = Launcher.ownDatabases(PREFIX);
    private static final Topology PLATFORM = Launcher.TOPOLOGY;

    @Test
    @Order(1)
    void a_port_already_taken_is_named_and_nothing_is_started() throws Exception {
        int taken = PLATFORM.port("reporting-service");
        try (ServerSocket squatter = new ServerSocket(taken, 1, InetAddress.getLoopbackAddress())) {
            Launcher.Outcome up = Launcher.run(ENV, 600, "up");
            assertThat(up.exitCode()).isNotZero();
            assertThat(up.output()).contains("port " + taken + " is already in use");
        }
        assertThat(Launcher.recordedPids()).isEmpty();
    }

    @Test
    @Order(2)
    void up_starts_everything_and_every_service_is_ready() throws Exception {
        Launcher.Outcome up = Launcher.run(ENV, 600, "up");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output())
                .contains(
                        "The platform is up",
                        PLATFORM.url("reporting-service") + "/",
                        PLATFORM.bootstrapServers(1),
                        PLATFORM.jwksUrl());
        for (Service service : Topology.SERVICES) {
            Http.Answer ready = Http.get(PLATFORM.managementUrl(service.name()) + "/q/health/ready", null);
            assertThat(ready.status()).as(service.name()).isEqualTo(200);
            assertThat(ready.body()).as(service.name()).contains("\"status\": \"UP\"");
            // operations endpoints are off the public port: clients reach neither health nor metrics
            assertThat(Http.get(PLATFORM.url(service.name()) + "/q/metrics", null)
                            .status())
                    .as(service.name())
                    .isEqualTo(404);
            assertThat(Http.get(PLATFORM.managementUrl(service.name()) + "/q/metrics", null)
                            .status())
                    .as(service.name())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void a_second_up_says_so_and_changes_nothing() throws Exception {
        List<Long> before = Launcher.recordedPids();
        Launcher.Outcome again = Launcher.run(ENV, 60, "up");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already running");
        assertThat(Launcher.recordedPids()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    @Order(4)
    void a_token_from_the_launcher_is_trusted_and_a_missing_one_is_not() throws Exception {
        String token = Launcher.run(30, "token", "partner", "--agency", "agency-system-test")
                .output()
                .trim();
        String requests = PLATFORM.url("request-service") + "/api/v1/requests";
        assertThat(Http.get(requests, token).status()).isEqualTo(200);
        assertThat(Http.get(requests, null).status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void after_platform_rotate_keys_tokens_of_the_old_and_the_new_key_are_both_accepted_without_restart()
            throws Exception {
        String before = Launcher.run(30, "token", "reviewer").output().trim();
        Launcher.Outcome rotated = Launcher.run(30, "rotate-keys");
        assertThat(rotated.exitCode()).as(rotated.output()).isZero();
        String after = Launcher.run(30, "token", "reviewer").output().trim();

        assertThat(header(after)).as("the new token names another key").isNotEqualTo(header(before));
        String reviews = PLATFORM.url("program-service") + "/api/v1/reviews";
        assertThat(Http.get(reviews, after).status())
                .as("a token of the new key")
                .isEqualTo(200);
        assertThat(Http.get(reviews, before).status())
                .as("a token of the previous key")
                .isEqualTo(200);
    }

    @Test
    @Order(5)
    void a_service_of_three_channels_stops_in_seconds_and_starts_again() throws Exception {
        // SmallRye waits twice the poll timeout for each channel's last poll, channel after channel: at
        // the client's 1 s default request-service's three channels slept 6 s before it could stop
        // (8.8-9.2 s in all, near the 10 s after which the launcher and docker compose kill)
        long begin = System.nanoTime();
        Launcher.Outcome stop = Launcher.run(ENV, 60, "stop", "request-service");
        double seconds = (System.nanoTime() - begin) / 1e9;
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(seconds).as("seconds to stop request-service").isLessThan(5.5);

        Launcher.Outcome start = Launcher.run(ENV, 180, "start", "request-service");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(Http.get(PLATFORM.managementUrl("request-service") + "/q/health/ready", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(6)
    void down_leaves_no_process_of_the_platform_running() throws Exception {
        List<Long> pids = Launcher.recordedPids();
        assertThat(pids).hasSizeGreaterThanOrEqualTo(5);
        Launcher.Outcome down = Launcher.run(120, "down");
        assertThat(down.exitCode()).isZero();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pid " + pid)
                    .isFalse();
        }
        List<Integer> ports = new ArrayList<>(List.of(PLATFORM.brokers(1).get(0).port(), PLATFORM.jwksPort()));
        for (Service service : Topology.SERVICES) {
            ports.add(PLATFORM.port(service.name()));
            ports.add(PLATFORM.managementPort(service.name()));
        }
        for (int port : ports) {
            assertThat(listening(port)).as("port " + port).isFalse();
        }
    }

    @AfterAll
    static void leaveNothingBehind() throws Exception {
        Launcher.run(120, "down");
        Launcher.dropDatabases(PREFIX);
    }

    /** A JWT's header (alg, typ, kid), still base64url. */
    private static String header(String token) {
        return token.substring(0, token.indexOf('.'));
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
