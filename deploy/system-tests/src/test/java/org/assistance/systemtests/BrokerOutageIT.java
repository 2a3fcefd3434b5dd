package org.assistance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Kafka goes away for 30 s under a steady load. Partners' submissions are still accepted (each
 * service records its events in its outbox), and once the broker is back every accepted request
 * reaches every read model exactly once: request-service's status and history, program-service's
 * review queue, equipment-service's shipments, reporting-service's timelines and dashboard.
 */
@Order(Order.DEFAULT + 1)
class BrokerOutageIT {

    @Test
    void submissions_are_accepted_while_the_broker_is_down_and_each_reaches_every_read_model_once() throws Exception {
        FaultPlatform platform = FaultPlatform.with(FaultPlatform.Topology.ONE_BROKER_TWO_REPORTERS);
        try (LoadGenerator load = new LoadGenerator(platform, "broker-outage", "KE", 4, 1).start()) {
            Thread.sleep(10_000);
            int beforeOutage = load.accepted.size();

            long down = System.nanoTime();
            platform.stop("kafka");
            System.out.printf("[faults] BrokerOutageIT: broker stopped after %d accepted requests%n", beforeOutage);
            Thread.sleep(30_000 - (System.nanoTime() - down) / 1_000_000);
            long up = System.nanoTime();
            int acceptedWhileDown = load.acceptedBetween(down, up);
            platform.start("kafka");
            System.out.printf(
                    "[faults] BrokerOutageIT: broker down %.1f s; %d submissions accepted meanwhile%n",
                    (up - down) / 1e9, acceptedWhileDown);

            Thread.sleep(5_000);
            boolean drained = load.drain(LoadGenerator.DRAIN_DEADLINE);
            ReadModels.Report report =
                    ReadModels.awaitExact(platform, load, "reporting-service", Duration.ofSeconds(90));

            System.out.println("[faults] BrokerOutageIT: " + load.summary());
            report.print("BrokerOutageIT");
            assertThat(acceptedWhileDown)
                    .as("submissions accepted while the broker was down")
                    .isGreaterThanOrEqualTo(30);
            assertThat(load.refused.get() + load.unanswered.get() + load.answered5xx.get())
                    .as("submissions refused or failed")
                    .isZero();
            assertThat(drained)
                    .as("every accepted request delivered: " + load.summary())
                    .isTrue();
            assertThat(report.exact()).as("every read model exact").isTrue();
        }
    }
}
