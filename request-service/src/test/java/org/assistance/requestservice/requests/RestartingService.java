package org.assistance.requestservice.requests;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.security.TenantScope;

/**
 * request-service's main in its tests. Without arguments it runs as the service does, until
 * asked to stop; {@link RequestSurvivesRestartTest} starts it once with {@code write} and again
 * with {@code read ID}, two lives of the service against the same database.
 */
@QuarkusMain
public class RestartingService implements QuarkusApplication {
    static final String AGENCY = "agency-restart";
    static final String WRITTEN = "written ";
    static final String READ = "read ";
    static final String TITLE = "Court records digitisation advice";

    @Inject
    AssistanceRequests requests;

    @Inject
    ObjectMapper json;

    @Override
    public int run(String... args) {
        if (args.length == 1 && args[0].equals("write")) {
            RequestDraft draft = json.convertValue(
                    Map.of(
                            "country",
                            "KE",
                            "requestingAuthority",
                            Map.of("name", "Judiciary of Kenya", "kind", "JUDICIARY"),
                            "thematicArea",
                            "CYBERCRIME",
                            "assistanceTypes",
                            List.of("TRAINING"),
                            "priority",
                            "MEDIUM",
                            "title",
                            TITLE,
                            "needsStatement",
                            "Paper files slow down cybercrime trials.",
                            "desiredBy",
                            LocalDate.now().plusMonths(6).toString(),
                            "trainingNeeds",
                            List.of(Map.of("topic", "Electronic case files", "expectedParticipants", 12))),
                    RequestDraft.class);
            UUID id = QuarkusTransaction.requiringNew()
                    .call(() ->
                            requests.submit(AGENCY, draft, "restart-test", null).request().id);
            System.out.println(WRITTEN + id);
            return 0;
        }
        if (args.length == 2 && args[0].equals("read")) {
            String title = QuarkusTransaction.requiringNew()
                    .call(() -> requests.visibleTo(UUID.fromString(args[1]), TenantScope.ofAgency(AGENCY)).title);
            System.out.println(READ + title);
            return 0;
        }
        Quarkus.waitForExit();
        return 0;
    }
}
