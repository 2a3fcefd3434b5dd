package org.assistance.programservice.reviews;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.assistance.chassis.validation.MoneyInput;
import org.assistance.programservice.activities.ActivityKind;
import org.assistance.programservice.programmes.Programme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's decision on a request. Which fields are needed depends on the kind of decision. */
@Schema(
        name = "Decision",
        description = "APPROVE needs programmeCode and approvedAmount and at least one deliverable: "
                + "equipment lines (catalogue items, possibly fewer than asked), trainings or activities; REJECT needs reasonCode "
                + "(and comment for OTHER); REQUEST_INFORMATION needs questions")
public record DecisionBody(
        @NotNull @Schema(example = "APPROVE") Kind decision,

        @Size(max = 20) @Pattern(regexp = Programme.CODE, message = Programme.CODE_MESSAGE) @Schema(example = "GLOCY")
        String programmeCode,

        @Valid MoneyInput approvedAmount,
        @Size(max = 100) List<@NotNull @Valid Line> equipmentLines,
        @Size(max = 50) List<@NotNull @Valid Training> trainings,

        @Schema(
                description = "Activities of any kind (trainings are TRAINING_COURSE activities too); when given, "
                        + "exactly these are planned besides the trainings; when left out, one activity is planned per "
                        + "advisory, assessment or knowledge-sharing kind of assistance the request asked for")
        @Size(max = 50)
        List<@NotNull @Valid PlannedActivity> activities,

        @Schema(example = "OUT_OF_MANDATE") RejectionReason reasonCode,
        @Size(max = 2_000) String comment,
        @Size(max = 20) List<@NotBlank @Size(max = 1_000) String> questions) {

    public enum Kind {
        APPROVE,
        REJECT,
        REQUEST_INFORMATION
    }

    /** What a planned date may be (checked by {@link org.assistance.programservice.activities.Activities#plannable}). */
    static final String PLANNED =
            "From 2000-01-01 to ten years from today; left out: 45 days after the approval (start) "
                    + "or the kind's usual length after the start (end)";

    public enum RejectionReason {
        OUT_OF_MANDATE,
        INSUFFICIENT_FUNDS,
        DUPLICATE,
        INCOMPLETE,
        OTHER
    }

    @Schema(name = "ApprovedEquipmentLine")
    public record Line(
            @NotBlank @Size(max = 50) @Schema(example = "FOR-WB-001")
            String itemCode,

            @Min(1) @Max(10_000) @Schema(example = "2") int quantity) {}

    @Schema(name = "ApprovedTraining")
    public record Training(
            @NotBlank @Size(max = 200) @Schema(example = "Mobile device forensics")
            String topic,

            @Min(1) @Max(10_000) @Schema(example = "20") int participants,

            @Schema(example = "2027-03-01", description = PLANNED)
            LocalDate plannedStart,

            @Schema(example = "2027-03-05", description = PLANNED)
            LocalDate plannedEnd) {}

    @Schema(name = "ApprovedActivity")
    public record PlannedActivity(
            @NotNull @Schema(example = "ADVISORY_MISSION") ActivityKind kind,

            @NotBlank @Size(max = 200) @Schema(example = "Review of the cybercrime bill")
            String title,

            @Min(0) @Max(10_000) @Schema(example = "0") int participants,

            @Schema(example = "2027-03-01", description = PLANNED)
            LocalDate plannedStart,

            @Schema(example = "2027-03-05", description = PLANNED)
            LocalDate plannedEnd) {}
}
