package org.assistance.requestservice.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.http.Cursor;
import org.assistance.chassis.outbox.Outbox;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;
import org.assistance.requestservice.requests.AssistanceRequest;
import org.assistance.requestservice.requests.AssistanceRequests;
import org.assistance.requestservice.webhooks.NoticeType;
import org.assistance.requestservice.webhooks.PartnerNotices;

/**
 * The conversation of each request between its partner agency and the programme. A message and
 * its event are written in one transaction; a partner's message answering the programme's
 * request for information puts the request back under review in that same transaction, and the
 * programme's messages (not its internal notes) are queued for the partner's webhooks in it too.
 */
@ApplicationScoped
public class Conversations {
    private final AssistanceRequests requests;
    private final Outbox outbox;
    private final PartnerNotices notices;
    private final AuditTrail audit;

    static final String AUDIT_KIND = "request-message";

    public Conversations(AssistanceRequests requests, Outbox outbox, PartnerNotices notices, AuditTrail audit) {
        this.requests = requests;
        this.outbox = outbox;
        this.notices = notices;
        this.audit = audit;
    }

    /** A page of a thread and the cursor of the next (null on the last). */
    public record Page(List<RequestMessage> messages, String nextCursor) {}

    /**
     * Posts a message on a request the caller may see (another agency's request does not exist
     * for a partner). {@code authorRole}: partner, or programme for staff.
     */
    @Transactional
    public RequestMessage post(
            UUID requestId, TenantScope scope, String authorRole, String author, MessageDraft draft) {
        // locked: a decision arriving meanwhile waits, and sees whether this message answered
        AssistanceRequest request = requests.lockedFor(requestId, scope);
        OffsetDateTime now = OffsetDateTime.now();
        RequestMessage message = RequestMessage.post(request.id, request.agencyId, authorRole, author, draft, now);
        if (message.byPartner()) {
            message.answersInformationRequest = requests.informationAnswered(request, now, author);
        }
        message.persist();
        outbox.record(message.postedEvent());
        if (!message.byPartner()) {
            // staff's messages and internal notes are in the audit trail; a partner's are its own record
            audit.created(AUDIT_KIND, message.id, MessageView.of(message));
        }
        if (!message.byPartner() && message.readByPartner()) {
            // the partner's systems are told there is a message to read: ids only, the text stays
            // behind the partner's token (an internal note is never told)
            notices.notify(
                    request.agencyId,
                    request.id,
                    NoticeType.REQUEST_MESSAGE_POSTED,
                    Map.of("messageId", message.id, "postedAt", message.postedAt));
        }
        return message;
    }

    /** The thread as the caller may read it, oldest first: a partner reads no internal note. */
    public Page thread(UUID requestId, TenantScope scope, int limit, String cursor) {
        requests.visibleTo(requestId, scope);
        UUID after = cursor == null ? null : after(cursor);
        List<RequestMessage> found = RequestMessage.thread(requestId, scope.confinedToAgency(), after, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<RequestMessage> page = found.subList(0, limit);
        return new Page(page, Cursor.encode(page.get(limit - 1).id));
    }

    private static UUID after(String cursor) {
        try {
            return UUID.fromString(Cursor.decode(cursor, 1)[0]);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("cursor", Text.of("cursor.unknown"));
        }
    }
}
