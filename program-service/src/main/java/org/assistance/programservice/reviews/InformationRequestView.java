package org.assistance.programservice.reviews;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a reviewer asked the agency, and the agency's answers beside the questions. */
@Schema(name = "InformationRequest")
public record InformationRequestView(
        @Schema(maxItems = 20) List<@Size(max = 1_000) String> questions,
        @Schema(maxLength = 200) String askedBy,
        OffsetDateTime askedAt,

        @Schema(
                maxItems = InformationAnswer.MAX_SHOWN,
                description = "The agency's answers (messages of the request's conversation), oldest first")
        List<Answer> answers) {

    /** One answer of the agency. */
    @Schema(name = "InformationAnswer")
    public record Answer(
            @Schema(maxLength = InformationAnswer.MAX_BODY) String body, OffsetDateTime answeredAt) {}

    /** Each case's requests for information (its latest few), oldest first, with their answers. */
    static Map<UUID, List<InformationRequestView>> ofCases(Collection<UUID> requestIds) {
        Map<UUID, List<InformationRequest>> asked = new HashMap<>();
        for (InformationRequest request : InformationRequest.ofCases(requestIds)) {
            asked.computeIfAbsent(request.requestId, id -> new ArrayList<>()).add(request);
        }
        // the latest of each case only, should one ever have been asked more often than a view shows
        asked.replaceAll((id, all) -> all.size() <= InformationRequest.MAX_SHOWN
                ? all
                : all.subList(all.size() - InformationRequest.MAX_SHOWN, all.size()));
        Map<UUID, List<Answer>> answers = new HashMap<>();
        List<UUID> shown =
                asked.values().stream().flatMap(List::stream).map(r -> r.id).toList();
        for (InformationAnswer answer : InformationAnswer.to(shown)) {
            List<Answer> of = answers.computeIfAbsent(answer.informationRequestId, id -> new ArrayList<>());
            if (of.size() < InformationAnswer.MAX_SHOWN) {
                of.add(new Answer(answer.body, answer.answeredAt));
            }
        }
        Map<UUID, List<InformationRequestView>> views = new LinkedHashMap<>();
        for (UUID requestId : requestIds) {
            views.put(
                    requestId,
                    asked.getOrDefault(requestId, List.of()).stream()
                            .map(r -> new InformationRequestView(
                                    r.questions, r.askedBy, r.askedAt, answers.getOrDefault(r.id, List.of())))
                            .toList());
        }
        return views;
    }
}
