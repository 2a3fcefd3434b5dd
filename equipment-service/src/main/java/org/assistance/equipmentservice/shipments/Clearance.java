package org.assistance.equipmentservice.shipments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.assistance.equipmentservice.catalogue.CatalogueItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What lets a held shipment go: a licence, or lines taken off it. */
@Schema(name = "Clearance")
public record Clearance(
        @Size(max = 100) @Schema(example = "EXP-AT-2027-00412")
        String licenceReference,

        @PastOrPresent @Schema(example = "2027-01-20") LocalDate licenceDate,

        @Size(max = 100)
        @Schema(
                description = "item codes to take off the shipment (e.g. prohibited lines); "
                        + "taking off every line cancels the shipment")
        List<
                        @NotBlank @Size(max = 50)
                        @Pattern(regexp = CatalogueItem.CODE, message = CatalogueItem.CODE_MESSAGE) String>
                removeItems,

        @Size(max = 2_000)
        @Schema(
                description = "why lines are taken off (default: the hits on them)",
                example = "Prohibited destination for firearms marking equipment")
        String reason) {}
