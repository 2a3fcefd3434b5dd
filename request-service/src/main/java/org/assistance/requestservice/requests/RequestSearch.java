package org.assistance.requestservice.requests;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.http.Cursor;
import org.assistance.chassis.problems.InvalidInput;
import org.assistance.chassis.security.TenantScope;
import org.assistance.chassis.texts.Text;

/**
 * Finds requests page by page with a keyset cursor (submission time, then id): stable while
 * new requests arrive, and no offset scans.
 */
@ApplicationScoped
public class RequestSearch {

    /** What a caller searches for, within the records its scope lets it read. */
    public record Criteria(
            TenantScope scope,
            RequestStatus status,
            String country,
            ThematicArea thematicArea,
            Priority priority,
            OffsetDateTime submittedFrom,
            OffsetDateTime submittedTo) {}

    public record Result(List<AssistanceRequest> items, String nextCursor) {}

    /** Submission times a search may name: the database cannot compare with years it cannot store. */
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("0001-01-01T00:00:00Z");

    private static final OffsetDateTime LATEST = OffsetDateTime.parse("9999-12-31T23:59:59Z");

    public Result find(Criteria criteria, int limit, String cursor) {
        requireSearchable("submittedFrom", criteria.submittedFrom());
        requireSearchable("submittedTo", criteria.submittedTo());
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (criteria.scope().confinedToAgency()) {
            where.add("agencyId = :agency");
            params.and("agency", criteria.scope().agency());
        }
        if (criteria.scope().confinedToCountry()) {
            // a focal point reads its own State's requests; naming another State finds none
            where.add("country = :scopeCountry");
            params.and("scopeCountry", criteria.scope().country());
        }
        if (criteria.status() != null) {
            where.add("status = :status");
            params.and("status", criteria.status());
        }
        if (criteria.country() != null) {
            where.add("country = :country");
            params.and("country", criteria.country());
        }
        if (criteria.thematicArea() != null) {
            where.add("thematicArea = :area");
            params.and("area", criteria.thematicArea());
        }
        if (criteria.priority() != null) {
            where.add("priority = :priority");
            params.and("priority", criteria.priority());
        }
        if (criteria.submittedFrom() != null) {
            where.add("submittedAt >= :from");
            params.and("from", criteria.submittedFrom());
        }
        if (criteria.submittedTo() != null) {
            where.add("submittedAt < :to");
            params.and("to", criteria.submittedTo());
        }
        if (cursor != null) {
            Position after = Position.decode(cursor);
            where.add("(submittedAt < :afterTime or (submittedAt = :afterTime and id < :afterId))");
            params.and("afterTime", after.submittedAt()).and("afterId", after.id());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by submittedAt desc, id desc";
        // one more than asked: tells whether a next page exists
        List<AssistanceRequest> found = AssistanceRequest.<AssistanceRequest>find(query, params)
                .range(0, limit)
                .list();
        if (found.size() <= limit) {
            return new Result(found, null);
        }
        List<AssistanceRequest> page = found.subList(0, limit);
        AssistanceRequest last = page.get(limit - 1);
        return new Result(page, new Position(last.submittedAt, last.id).encode());
    }

    private static void requireSearchable(String parameter, OffsetDateTime time) {
        if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
            throw InvalidInput.field(
                    parameter, Text.of("date.between", "earliest", EARLIEST.toString(), "latest", LATEST.toString()));
        }
    }

    record Position(OffsetDateTime submittedAt, UUID id) {
        String encode() {
            return Cursor.encode(submittedAt, id);
        }

        static Position decode(String cursor) {
            String[] parts = Cursor.decode(cursor, 2);
            try {
                OffsetDateTime after = OffsetDateTime.parse(parts[0]);
                if (after.isBefore(EARLIEST) || after.isAfter(LATEST)) {
                    throw new IllegalArgumentException("a time no request was submitted at");
                }
                return new Position(after, UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw InvalidInput.field("cursor", Text.of("cursor.unknown"));
            }
        }
    }
}
