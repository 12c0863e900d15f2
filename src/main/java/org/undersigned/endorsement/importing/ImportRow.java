package org.undersigned.endorsement.importing;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.common.validation.CleanText;
import org.undersigned.common.validation.ContactEmail;
import org.undersigned.common.validation.HttpUrl;
import org.undersigned.common.validation.IsoCountry;
import org.undersigned.endorsement.EndorsementKind;

/** One endorsement collected elsewhere. The same rules as a submission, but no consent field. */
@Schema(name = "ImportRow")
public record ImportRow(
    @Schema(
            description =
                "The row's id in its source; a re-import skips rows already taken. Without it, the"
                    + " row's content identifies it.",
            examples = "coalition-2020-0042",
            maxLength = 200)
        @Size(max = 200)
        String reference,
    @Schema(description = "Default ORGANISATION.", maxLength = 12) EndorsementKind kind,
    @Schema(
            description = "Required unless anonymous.",
            examples = "Amnesty International",
            maxLength = 300)
        @CleanText(max = 300)
        String name,
    @Schema(examples = "BE", maxLength = 2) @IsoCountry String country,
    @Schema(examples = "https://www.amnesty.org", maxLength = 2048) @HttpUrl String website,
    @Schema(examples = "Marie Dupont", maxLength = 200) @CleanText(max = 200) String contactName,
    @Schema(examples = "contact@amnesty.org", format = "email", maxLength = 254) @ContactEmail
        String contactEmail,
    @Schema(description = "Default false.") Boolean anonymous) {}
