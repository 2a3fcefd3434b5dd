package org.assistance.equipmentservice.assets;

import java.util.UUID;

/** Which units a listing of the register shows; a null part does not filter. */
public record AssetFilter(
        UUID requestId, String country, String itemCode, AssetStatus status, Boolean monitored, Boolean overdue) {}
