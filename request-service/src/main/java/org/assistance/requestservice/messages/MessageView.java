package org.assistance.requestservice.messages;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A message of a request's conversation as the API shows it. */
@Schema(name = "Message")
public record MessageView(
        UUID id,
        UUID requestId,
        Visibility visibility,

        @Schema(
                maxLength = 20,
                enumeration = {"partner", "reviewer", "operations"},
                description = "The role its author wrote in")
        String authorRole,

        @Schema(maxLength = RequestMessage.MAX_AUTHOR, description = "The author as its token names it")
        String author,

        @Schema(maxLength = RequestMessage.MAX_BODY) String body,
        UUID inReplyTo,

        @Schema(description = "The partner's message answered the programme's request for information")
        boolean answersInformationRequest,

        OffsetDateTime postedAt) {

    static MessageView of(RequestMessage m) {
        return new MessageView(
                m.id,
                m.requestId,
                m.visibility,
                m.authorRole,
                m.author,
                m.body,
                m.inReplyTo,
                m.answersInformationRequest,
                m.postedAt);
    }

    /** One page of a conversation, oldest first, and the link to the next (null on the last). */
    @Schema(name = "MessagePage")
    public record Page(
            @Schema(maxItems = MessageResource.MAX_PAGE) List<MessageView> items,

            @Schema(
                    maxLength = MessageResource.MAX_NEXT_LINK,
                    format = "uri",
                    description = "The next page's URL; absent on the last page")
            String next) {}
}
