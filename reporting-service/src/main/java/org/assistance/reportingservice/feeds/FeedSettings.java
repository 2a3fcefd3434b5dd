package org.assistance.reportingservice.feeds;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Who reports in the IATI feed: the implementing organisation's IATI identity. */
@ConfigMapping(prefix = "assistance.iati")
public interface FeedSettings {

    /** The reporting organisation's IATI organisation identifier (set it to your own). */
    @WithDefault("XM-EXAMPLE-TA")
    String reportingOrgRef();

    @WithDefault("Technical Assistance Delivery Programme (example)")
    String reportingOrgName();

    /** IATI OrganisationType: 40 multilateral. */
    @WithDefault("40")
    String reportingOrgType();

    /** An extending organisation (role 3), when configured. */
    Optional<String> extendingOrgRef();

    Optional<String> extendingOrgName();
}
