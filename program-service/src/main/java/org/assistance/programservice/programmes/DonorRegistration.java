package org.assistance.programservice.programmes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A donor as an admin registers it, and as the donor list shows it. */
@Schema(name = "Donor")
public record DonorRegistration(
        @NotBlank @Size(max = 100) @Pattern(regexp = Donor.ID, message = Donor.ID_MESSAGE) @Schema(example = "donor-eu")
        String id,

        @NotBlank @Size(max = 200) @Schema(example = "European Union")
        String name,

        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9._-]+(-[A-Za-z0-9._]+)*", message = "{donor.iati-identifier}")
        @Schema(example = "XI-IATI-EC_INTPA")
        String iatiIdentifier,

        @NotNull @Schema(example = "MULTILATERAL") DonorType type) {

    static DonorRegistration of(Donor donor) {
        return new DonorRegistration(donor.id, donor.name, donor.iatiIdentifier, donor.type);
    }
}
