package org.undersigned.endorsement.rest;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.endorsement.EndorsementKind;
import org.undersigned.endorsement.repository.EndorsementRepository.PublicSignatory;

/** A published, named signatory in a list. */
@Schema(name = "Signatory", description = "A published, named signatory.")
public record SignatoryView(
    @Schema(required = true, examples = "0b7e3f9c-2d54-4a8e-9a51-6c2f4e1d8b3a") UUID id,
    @Schema(required = true, examples = "Amnesty International") String name,
    @Schema(required = true) EndorsementKind kind,
    @Schema(
            nullable = true,
            description = "ISO 3166-1 alpha-2 code of the signatory's country.",
            examples = "BE")
        String country,
    @Schema(nullable = true, examples = "https://www.amnesty.org") String website,
    @Schema(required = true) SignatoryProof.Verification verification) {

  static SignatoryView of(PublicSignatory s) {
    return new SignatoryView(
        s.id(), s.name(), s.kind(), s.country(), s.website(), SignatoryProof.Verification.of(s));
  }

  /** A page of signatories. */
  @Schema(name = "SignatoryPage")
  public record Page(
      @Schema(required = true) List<SignatoryView> items,
      @Schema(
              required = true,
              nullable = true,
              description = "Pass as `cursor` for the next page; null on the last page.")
          String nextCursor) {}
}
