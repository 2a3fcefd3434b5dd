package org.assistance.programservice.activities;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How an activity's roster is summed up ({@code assistance.participants.*}). */
@ConfigMapping(prefix = "assistance.participants")
public interface ParticipantSettings {

    /** A participant who attended at least this share of the activity (in percent) completed it. */
    @WithDefault("80")
    @Min(0)
    @Max(100)
    int completionAttendancePercent();

    /**
     * Average scores are published only when at least this many participants have the score(s)
     * averaged: the average of one or two people is their own score (statistical disclosure control).
     */
    @WithDefault("5")
    @Min(1)
    @Max(1000)
    int minimumGroupForAverages();
}
