package org.assistance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.Values.DonorShare;

/**
 * The facts no single request owns, as events changed them: donors as the events name them
 * (donor_directory, the latest naming wins) and donors' pledges to programmes (pledge_facts).
 */
public final class ProgrammeFacts {
    /** One pledge, as its event told it. */
    public record Pledge(
            UUID eventId,
            String programmeCode,
            String donorId,
            BigDecimal amount,
            String currency,
            LocalDate pledgedOn) {}

    final Map<String, DonorShare> donors = new LinkedHashMap<>();
    final List<Pledge> pledges = new ArrayList<>();

    public Iterable<DonorShare> donors() {
        return donors.values();
    }

    public List<Pledge> pledges() {
        return pledges;
    }

    void remember(List<DonorShare> named) {
        if (named != null) {
            for (DonorShare donor : named) {
                donors.remove(donor.donorId()); // the latest naming is written last
                donors.put(donor.donorId(), donor);
            }
        }
    }
}
