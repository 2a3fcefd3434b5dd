package org.assistance.requestservice.messages;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.RequestEvents.MessagePosted;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.texts.Text;

/**
 * One message of a request's conversation between its partner agency and the programme's staff,
 * or a note between staff (INTERNAL) that the partner never reads. Written once, never changed.
 */
@Entity
@Table(name = "request_messages")
public class RequestMessage extends PanacheEntityBase {
    /** The longest body (its column's check): a long answer to a reviewer's questions fits. */
    public static final int MAX_BODY = 10_000;
    /** Who writes: the request's partner agency, or the programme's staff. */
    static final String PARTNER = "partner";

    static final String PROGRAMME = "programme";
    /** The author's subject as its token names it, shortened to the column. */
    static final int MAX_AUTHOR = 200;

    /** Made here (UUIDv7): a thread in id order is oldest first. */
    @Id
    public UUID id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "agency_id")
    public String agencyId;

    @Enumerated(EnumType.STRING)
    public Visibility visibility;

    /** partner or programme: whom the author wrote for (the author names the person). */
    @Column(name = "author_role")
    public String authorRole;

    public String author;
    public String body;

    @Column(name = "in_reply_to")
    public UUID inReplyTo;

    /** The partner's message answered the programme's request for information. */
    @Column(name = "answers_information_request")
    public boolean answersInformationRequest;

    @Column(name = "posted_at")
    public OffsetDateTime postedAt;

    /**
     * A new message on the request of {@code agencyId}, by {@link #PARTNER} or {@link #PROGRAMME}.
     * Only staff write INTERNAL notes; a reply
     * answers a message of the same conversation that its author may read.
     */
    static RequestMessage post(
            UUID requestId, String agencyId, String authorRole, String author, MessageDraft draft, OffsetDateTime now) {
        Visibility visibility = draft.visibilityOrDefault();
        boolean partner = PARTNER.equals(authorRole);
        if (partner && visibility == Visibility.INTERNAL) {
            throw new DomainRuleViolation(403, "internal-notes-are-staffs", Text.of("message.internal-by-partner"));
        }
        String body = draft.body().strip();
        if (body.isEmpty()) {
            throw InvalidInput.field("body", Text.of("message.body-blank"));
        }
        if (draft.inReplyTo() != null) {
            RequestMessage answered = findById(draft.inReplyTo());
            if (answered == null
                    || !answered.requestId.equals(requestId)
                    || (partner && answered.visibility == Visibility.INTERNAL)) {
                throw InvalidInput.field("inReplyTo", Text.of("message.not-in-conversation"));
            }
        }
        RequestMessage message = new RequestMessage();
        message.id = TimeOrderedIds.next();
        message.requestId = requestId;
        message.agencyId = agencyId;
        message.visibility = visibility;
        message.authorRole = authorRole;
        message.author = author.length() <= MAX_AUTHOR ? author : author.substring(0, MAX_AUTHOR - 1) + "…";
        message.body = body;
        message.inReplyTo = draft.inReplyTo();
        message.postedAt = now;
        return message;
    }

    boolean byPartner() {
        return PARTNER.equals(authorRole);
    }

    /** Whether the partner agency reads it. */
    boolean readByPartner() {
        return visibility == Visibility.PARTNER_AND_PROGRAMME;
    }

    /**
     * The event announcing it. An INTERNAL note's event carries no body: the topic is read by
     * services that serve partners, and what is not on it cannot reach one.
     */
    MessagePosted postedEvent() {
        return new MessagePosted(
                requestId,
                agencyId,
                id,
                visibility.name(),
                authorRole,
                author,
                inReplyTo,
                readByPartner() ? body : null,
                answersInformationRequest,
                postedAt);
    }

    /** A page of the thread, oldest first, after the message {@code after} (null: from the start). */
    static List<RequestMessage> thread(UUID requestId, boolean partner, UUID after, int limit) {
        Parameters params = Parameters.with("request", requestId);
        StringBuilder query = new StringBuilder("requestId = :request");
        if (partner) {
            query.append(" and visibility = :visibility");
            params.and("visibility", Visibility.PARTNER_AND_PROGRAMME);
        }
        if (after != null) {
            query.append(" and id > :after");
            params.and("after", after);
        }
        return RequestMessage.<RequestMessage>find(query + " order by id", params)
                .range(0, limit - 1)
                .list();
    }
}
