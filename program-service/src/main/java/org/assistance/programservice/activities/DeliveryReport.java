package org.assistance.programservice.activities;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.assistance.chassis.validation.MoneyInput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What took place, as logistics or a reviewer reports an activity delivered. */
@Schema(name = "ActivityDelivery")
public record DeliveryReport(
        @NotNull @PastOrPresent @Schema(example = "2027-03-01", description = "From 2000-01-01 to today")
        LocalDate actualStart,

        @NotNull @PastOrPresent @Schema(example = "2027-03-05", description = "From actualStart to today")
        LocalDate actualEnd,

        @Valid
        @Schema(
                description = "Who took part; may be left out when the activity has a roster (its counts are "
                        + "taken), and must equal the roster's counts when given")
        ParticipantCounts participants,

        @Size(max = 50) List<@NotBlank @Size(max = 200) String> authoritiesReached,

        @NotBlank @Size(max = 5_000) @Schema(example = "18 examiners certified on mobile extraction")
        String outcome,

        @NotNull @Valid MoneyInput cost) {}
