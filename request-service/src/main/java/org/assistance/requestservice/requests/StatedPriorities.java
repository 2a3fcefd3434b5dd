package org.assistance.requestservice.requests;

import java.util.Optional;
import java.util.UUID;

/**
 * The national priorities States have stated, as a request needs them: which State a priority
 * belongs to. Declared here and answered by the priorities feature, so that requests depend on no
 * other feature.
 */
public interface StatedPriorities {
    /** The State (ISO 3166-1 alpha-2) whose priority this is; empty when no State stated it. */
    Optional<String> countryOf(UUID priorityId);
}
