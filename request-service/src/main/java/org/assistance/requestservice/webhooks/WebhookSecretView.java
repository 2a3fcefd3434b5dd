package org.assistance.requestservice.webhooks;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "WebhookWithSecret",
        description = "A webhook and its signing secret, shown this once: keep it, the API never shows it again")
public record WebhookSecretView(
        WebhookView webhook,

        @Schema(
                maxLength = 100,
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                description = "Standard Webhooks secret: whsec_ + base64 of the key's bytes")
        String secret,

        @Schema(description = "After a rotation: until when the previous secret also signs (both signatures are sent)")
        OffsetDateTime previousSecretValidUntil) {}
