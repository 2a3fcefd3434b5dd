package org.assistance.chassis.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change as the audit trail keeps it. */
@Schema(name = "AuditEntry", description = "One change made by staff, an admin or the platform itself")
public record AuditEntry(
        @Schema(description = "Time-ordered id of the entry")
        UUID id,

        @Schema(description = "When the change committed (its transaction's time, UTC)")
        OffsetDateTime recordedAt,

        @Schema(description = "Who made it: the token's subject, or `system`", maxLength = 200)
        String actor,

        @Schema(
                description = "The actor's roles when acting",
                type = SchemaType.ARRAY,
                implementation = Role.class,
                maxItems = 20)
        List<String> actorRoles,

        @Schema(description = "What kind of thing changed, e.g. `export-rule`, `donor`, `dead-letter`", maxLength = 60)
        String kind,

        @Schema(description = "Which one: its id or code", maxLength = 200)
        String subject,

        @Schema(
                description = "What was done: `created`, `changed`, `removed`, `replayed`, `discarded`...",
                maxLength = 60)
        String action,

        @Schema(description = "The thing before the change (absent when created)", implementation = State.class)
        JsonNode before,

        @Schema(description = "The thing after the change (absent when removed)", implementation = State.class)
        JsonNode after,

        @Schema(description = "W3C trace id of the request that made the change", maxLength = 32)
        String traceId) {

    /** A role's name, for the schema of {@code actorRoles}. */
    @Schema(name = "AuditActorRole", type = SchemaType.STRING, maxLength = 60)
    static final class Role {
        private Role() {}
    }

    /** The changed thing as its view showed it: any JSON object. */
    @Schema(name = "AuditState", type = SchemaType.OBJECT, additionalProperties = Schema.True.class)
    static final class State {
        private State() {}
    }
}
