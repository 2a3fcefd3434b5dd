package org.assistance.programservice.activities;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.assistance.chassis.events.ResultEvents.Sex;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person put on an activity's roster, by the agency's pseudonym for them. */
@Schema(name = "ParticipantRegistration")
public record ParticipantRegistration(
        @NotNull
        @Size(max = 64)
        @Pattern(regexp = PARTICIPANT_ID, message = PARTICIPANT_ID_MESSAGE)
        @Schema(
                required = true,
                example = "KE-DCI-0042",
                maxLength = 64,
                pattern = PARTICIPANT_ID,
                description = PARTICIPANT_ID_DESCRIPTION)
        String participantId,

        @NotNull @Schema(required = true, example = "FEMALE")
        Sex sex,

        @Size(max = 200) @Schema(example = "Inspector", description = "Plain text, 200 characters at most")
        String roleOrRank,

        @Size(max = 200) @Schema(example = "DCI cybercrime unit", description = "Plain text, 200 characters at most")
        String organisation,

        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(example = "55.5")
        BigDecimal preTestScore,

        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(example = "82.25")
        BigDecimal postTestScore,

        @Min(0) @Max(100) @Schema(example = "90", description = "Share of the activity attended, in percent")
        Integer attendancePercent,

        @JsonDeserialize(using = TrueOrFalse.class) @Schema(example = "true", defaultValue = "false")
        Boolean certificateIssued) {

    /** The agency's pseudonym for a person: a letter or digit, then up to 63 letters, digits, '.', '_' or '-'. */
    public static final String PARTICIPANT_ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    static final String PARTICIPANT_ID_MESSAGE = "{participant.id}";

    static final String PARTICIPANT_ID_DESCRIPTION =
            "The agency's own pseudonym for the person (the same id in another agency is another person). "
                    + "Never a name or an e-mail address: neither fits the pattern (no spaces, no '@')";

    RosterEntry.Details toDetails() {
        return details(
                sex, roleOrRank, organisation, preTestScore, postTestScore, attendancePercent, certificateIssued);
    }

    static RosterEntry.Details details(
            Sex sex,
            String roleOrRank,
            String organisation,
            BigDecimal preTestScore,
            BigDecimal postTestScore,
            Integer attendancePercent,
            Boolean certificateIssued) {
        return new RosterEntry.Details(
                sex,
                blankAsNone(roleOrRank),
                blankAsNone(organisation),
                preTestScore,
                postTestScore,
                attendancePercent,
                Boolean.TRUE.equals(certificateIssued));
    }

    private static String blankAsNone(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
