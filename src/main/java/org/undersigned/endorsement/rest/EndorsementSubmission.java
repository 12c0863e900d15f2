package org.undersigned.endorsement.rest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.common.validation.CleanText;
import org.undersigned.common.validation.ContactEmail;
import org.undersigned.common.validation.HttpUrl;
import org.undersigned.common.validation.IsoCountry;
import org.undersigned.endorsement.EndorsementKind;
import org.undersigned.endorsement.service.NewSignature;

/** What a signer sends: a flat object; the server's own fields (id, status…) are refused. */
@Schema(
    name = "EndorsementSubmission",
    description = "An endorsement of a letter. The contact details are never published.")
public record EndorsementSubmission(
    @Schema(required = true) @NotNull EndorsementKind kind,
    @Schema(
            required = true,
            description =
                "The name as it is to be published (trimmed, NFC); 1 to 300 characters, no control"
                    + " or bidirectional characters.",
            examples = "Amnesty International",
            maxLength = 300)
        @NotNull
        @CleanText(max = 300)
        String name,
    @Schema(
            description = "ISO 3166-1 alpha-2 code, in capitals.",
            examples = "BE",
            maxLength = 2,
            pattern = "^[A-Z]{2}$")
        @IsoCountry
        String country,
    @Schema(
            description = "The organisation's website, http or https.",
            examples = "https://www.amnesty.org",
            maxLength = 2048)
        @HttpUrl
        String website,
    @Schema(
            required = true,
            description = "Whom the coalition can contact. Never published.",
            examples = "Marie Dupont",
            maxLength = 200)
        @NotNull
        @CleanText(max = 200)
        String contactName,
    @Schema(
            required = true,
            description = "Receives the confirmation link. Never published.",
            examples = "contact@amnesty.org",
            maxLength = 254,
            format = "email")
        @NotNull
        @ContactEmail
        String contactEmail,
    @Schema(required = true, description = "true: counted, never named in any public answer.")
        @NotNull
        Boolean anonymous,
    @Schema(
            description = "Language of the e-mails (fr or en; others get the letter's language).",
            examples = "fr",
            maxLength = 35,
            pattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$")
        @Pattern(
            regexp = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$",
            message = "{org.undersigned.Language.message}")
        String language,
    @Schema(required = true, description = "Must be true: the signatory agrees to publication.")
        @NotNull
        @AssertTrue(message = "{org.undersigned.Consent.message}")
        Boolean consent,
    @Schema(
            description =
                "The partner whose site or widget brought this submission: one of the partner ids"
                    + " the service is configured with.",
            examples = "amnesty-fr",
            maxLength = 64,
            pattern = "^[a-z0-9-]{1,64}$")
        @Pattern(regexp = "^[a-z0-9-]{1,64}$", message = "{org.undersigned.Partner.message}")
        String source) {

  /** The signature the service is asked for (after validation: consent given, fields present). */
  public NewSignature signature() {
    return new NewSignature(
        kind,
        name,
        country,
        website,
        contactName,
        contactEmail,
        Boolean.TRUE.equals(anonymous),
        language,
        source);
  }
}
