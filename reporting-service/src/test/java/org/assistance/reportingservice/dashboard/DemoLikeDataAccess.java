package org.assistance.reportingservice.dashboard;

/** Lets tests of other features publish the same plausible data. */
public final class DemoLikeDataAccess {
    private DemoLikeDataAccess() {}

    public static void publish() {
        DemoLikeData.publish();
    }
}
