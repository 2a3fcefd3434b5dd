package org.assistance.requestservice.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a partner's endpoint may be told about its requests: the {@code type} of each webhook payload. */
public enum NoticeType {
    REQUEST_STATUS_CHANGED("request.status-changed"),
    REQUEST_INFORMATION_REQUESTED("request.information-requested"),
    REQUEST_MESSAGE_POSTED("request.message-posted"),
    /** The State's focal point endorsed the request or declined to; a later decision replaces an earlier one. */
    REQUEST_ENDORSEMENT_RECORDED("request.endorsement-recorded"),
    DELIVERABLE_SCHEDULED("deliverable.scheduled"),
    SHIPMENT_HELD("shipment.held"),
    SHIPMENT_DISPATCHED("shipment.dispatched"),
    SHIPMENT_DELIVERED("shipment.delivered"),
    ACTIVITY_DELIVERED("activity.delivered"),
    REQUEST_CLOSED("request.closed"),
    /** Sent only on the partner's demand (POST .../test), whatever the subscription lists. */
    WEBHOOK_TEST("webhook.test");

    /** A subscription naming this receives every type. */
    public static final String EVERY_TYPE = "*";

    /** The names a subscription may list (and "*"), for the API's description. */
    public static final String NAMES = "request.status-changed, request.information-requested, request.message-posted, "
            + "request.endorsement-recorded, deliverable.scheduled, shipment.held, shipment.dispatched, shipment.delivered, activity.delivered, "
            + "request.closed, webhook.test, or \"*\" for all";

    private final String wireName;

    NoticeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<NoticeType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(NoticeType::wireName).toList();
    }
}
