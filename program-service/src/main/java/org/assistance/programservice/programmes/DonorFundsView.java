package org.assistance.programservice.programmes;

import org.assistance.chassis.events.Values.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "DonorFunds",
        description = "One donor's money in a programme: contributions received, and its "
                + "parts of the commitments and of what was disbursed (each amount credited to one donor only)")
public record DonorFundsView(
        @Schema(maxLength = 100) String donorId,
        @Schema(maxLength = 200) String name,
        Money received,
        Money committed,
        Money disbursed) {}
