package org.assistance.requestservice.requests;

import java.util.UUID;

/** Lets tests of other features submit a typical request. */
public final class DraftsAccess {
    private DraftsAccess() {}

    public static UUID submit(String agency) {
        return Drafts.submit(agency, Drafts.trainingAndEquipment());
    }

    public static UUID submitTrainingOnly(String agency) {
        return Drafts.submit(agency, Drafts.trainingOnly());
    }

    public static java.util.Map<String, Object> trainingAndEquipment() {
        return Drafts.trainingAndEquipment();
    }
}
