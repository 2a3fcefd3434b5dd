package org.assistance.programservice.reviews;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The agency's answer to a request for information: a message of the request's conversation. */
@Entity
@Table(name = "information_answers")
public class InformationAnswer extends PanacheEntityBase {
    /** What a view shows at most under one request for information. */
    static final int MAX_SHOWN = 20;
    /** As request-service bounds a message. */
    static final int MAX_BODY = 10_000;

    /** The message's id in request-service. */
    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "information_request_id")
    public UUID informationRequestId;

    public String body;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    static InformationAnswer to(InformationRequest asked, UUID messageId, String body, OffsetDateTime at) {
        InformationAnswer answer = new InformationAnswer();
        answer.messageId = messageId;
        answer.informationRequestId = asked.id;
        answer.body = body;
        answer.answeredAt = at;
        return answer;
    }

    /** The answers to these requests for information, oldest first. */
    static List<InformationAnswer> to(Collection<UUID> informationRequestIds) {
        if (informationRequestIds.isEmpty()) {
            return List.of();
        }
        return InformationAnswer.<InformationAnswer>find(
                        "informationRequestId in ?1 order by answeredAt, messageId", informationRequestIds)
                .list();
    }
}
