package org.assistance.requestservice.requests;

import java.util.Optional;

/** Whether an equipment item may be asked for, as far as request-service knows the catalogue. */
public interface ItemAvailability {
    /** Why the item cannot be asked for (unknown, withdrawn), or empty when it can. */
    Optional<String> refusal(String itemCode);
}
