package org.assistance.requestservice.requests;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.ReviewEvents.InformationRequested;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.testsupport.BrokerClient;

/** What the other services would publish about a request, sent onto the real broker. */
public final class Events {
    private Events() {}

    public static void publish(AssistanceEvent event, String source) {
        BrokerClient.send(CloudEvent.toRecord(event, UUID.randomUUID(), source, OffsetDateTime.now()));
    }

    public static void approved(UUID request, String agency, boolean partial) {
        publish(
                new RequestApproved(
                        request,
                        agency,
                        "KE",
                        "CYBERCRIME",
                        "GLOCY",
                        new Money(new BigDecimal("30000.00"), "EUR"),
                        partial,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of("reviewer-1"),
                        OffsetDateTime.now()),
                "/program-service");
    }

    /** An approval naming what is to be delivered: equipment lines and activities. */
    public static void approved(
            UUID request, String agency, List<EquipmentLine> lines, List<PlannedActivity> activities) {
        publish(
                new RequestApproved(
                        request,
                        agency,
                        "KE",
                        "CYBERCRIME",
                        "GLOCY",
                        new Money(new BigDecimal("30000.00"), "EUR"),
                        false,
                        lines,
                        activities,
                        List.of(),
                        List.of("reviewer-1"),
                        OffsetDateTime.now()),
                "/program-service");
    }

    public static void rejected(UUID request, String agency) {
        publish(
                new RequestRejected(
                        request,
                        agency,
                        "OUT_OF_MANDATE",
                        "not in the programme's areas",
                        "reviewer-1",
                        OffsetDateTime.now()),
                "/program-service");
    }

    public static void informationRequested(UUID request, String agency) {
        publish(
                new InformationRequested(
                        request,
                        agency,
                        List.of("How many examiners will use the kits?"),
                        "reviewer-1",
                        OffsetDateTime.now()),
                "/program-service");
    }
}
