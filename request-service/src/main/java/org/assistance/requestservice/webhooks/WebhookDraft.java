package org.assistance.requestservice.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDraft", description = "A webhook as a partner agency subscribes it")
public record WebhookDraft(
        @NotBlank
        @Size(max = Webhooks.MAX_URL)
        @Schema(
                example = "https://partner.example/assistance/webhooks",
                description = "An https URL on a public address; checked again before every delivery")
        String url,

        @NotNull
        @Size(min = 1, max = Webhooks.MAX_EVENTS)
        @Schema(
                example = "[\"request.status-changed\", \"shipment.dispatched\"]",
                description = "The notices to receive: " + NoticeType.NAMES)
        List<@NotBlank @Size(max = Webhooks.MAX_EVENT_NAME) String> events,

        @Size(max = Webhooks.MAX_DESCRIPTION) @Schema(example = "Case management system, production")
        String description) {}
