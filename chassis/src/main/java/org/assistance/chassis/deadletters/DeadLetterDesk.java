package org.assistance.chassis.deadletters;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.assistance.chassis.audit.AuditTrail;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.assistance.chassis.inbox.Failures;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;

/**
 * What staff do with a dead letter: replay it once its cause is fixed, or discard it with a
 * reason. Each is one transaction with the letter's row locked, its audit entry and (for a replay)
 * the consumer's own handling: a letter is replayed once however often, or however many instances,
 * it is asked; asked again, it answers as it is. A replay that fails again changes nothing but the
 * letter's count of attempts and last failure, and is audited too.
 */
@ApplicationScoped
public class DeadLetterDesk {
    static final String AUDIT_KIND = "dead-letter";

    private final DeadLetterStore store;
    private final EventInbox inbox;
    private final AuditTrail audit;

    public DeadLetterDesk(DeadLetterStore store, EventInbox inbox, AuditTrail audit) {
        this.store = store;
        this.inbox = inbox;
        this.audit = audit;
    }

    public DeadLetter replay(UUID id, String by) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                DeadLetter letter = store.lock(id).orElseThrow(() -> notFound(id));
                if (letter.status() == DeadLetter.Status.REPLAYED) {
                    return letter; // replayed before: nothing happens twice
                }
                if (letter.status() == DeadLetter.Status.DISCARDED) {
                    throw DomainRuleViolation.conflict(Text.of("dead-letters.discarded", "id", id));
                }
                EventHandlers handlers = EventHandlers.of(letter.consumer())
                        .orElseThrow(() -> DomainRuleViolation.conflict(
                                Text.of("dead-letters.consumer-unknown", "consumer", letter.consumer())));
                EventInbox.Replayed outcome =
                        inbox.handleAgain(store.record(id).orElseThrow(() -> notFound(id)), handlers);
                store.resolve(id, DeadLetter.Status.REPLAYED, by, outcome.name());
                DeadLetter replayed = store.find(id).orElseThrow();
                audit.record(AUDIT_KIND, id, "replayed", letter, replayed);
                return replayed;
            });
        } catch (DomainRuleViolation e) {
            throw e;
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e; // answered 503: try again, nothing was recorded
            }
            String failure = reason(e);
            QuarkusTransaction.requiringNew().run(() -> {
                DeadLetter letter = store.lock(id).orElseThrow(() -> notFound(id));
                store.replayFailed(id, failure);
                audit.record(
                        AUDIT_KIND, id, "replay-failed", letter, store.find(id).orElseThrow());
            });
            throw new DomainRuleViolation(
                    422, "still-failing", Text.of("dead-letters.still-failing", "id", id, "reason", failure));
        }
    }

    public DeadLetter discard(UUID id, String by, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter letter = store.lock(id).orElseThrow(() -> notFound(id));
            if (letter.status() == DeadLetter.Status.DISCARDED) {
                return letter; // discarded before: the first reason stands
            }
            if (letter.status() == DeadLetter.Status.REPLAYED) {
                throw DomainRuleViolation.conflict(Text.of("dead-letters.replayed", "id", id));
            }
            store.resolve(id, DeadLetter.Status.DISCARDED, by, reason);
            DeadLetter discarded = store.find(id).orElseThrow();
            audit.record(AUDIT_KIND, id, "discarded", letter, discarded);
            return discarded;
        });
    }

    static DomainRuleViolation notFound(UUID id) {
        return DomainRuleViolation.notFound(Text.of("dead-letters.not-found", "id", id));
    }

    /** The handler's own words: the innermost failure that says something. */
    private static String reason(Throwable failure) {
        String reason = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
                if (t instanceof EventInbox.StillUnhandled || t instanceof IllegalArgumentException) {
                    break;
                }
            }
        }
        return reason == null ? failure.getClass().getSimpleName() : reason;
    }
}
