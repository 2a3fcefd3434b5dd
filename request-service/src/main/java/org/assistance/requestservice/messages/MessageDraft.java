package org.assistance.requestservice.messages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message as its author sends it; who wrote it and when come from the token and the clock. */
@Schema(name = "MessageDraft")
public record MessageDraft(
        @NotBlank
        @Size(max = RequestMessage.MAX_BODY)
        @Schema(
                description = "Plain text: tabs and line breaks, no other control characters",
                example = "Twelve examiners in two labs will use the kits.")
        String body,

        @Schema(
                description = "PARTNER_AND_PROGRAMME (the default) or INTERNAL, a note between staff that the "
                        + "partner never reads; only staff may post INTERNAL notes")
        Visibility visibility,

        @Schema(description = "The message of this request's conversation this one answers")
        UUID inReplyTo) {

    Visibility visibilityOrDefault() {
        return visibility == null ? Visibility.PARTNER_AND_PROGRAMME : visibility;
    }
}
