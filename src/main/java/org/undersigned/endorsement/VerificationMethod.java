package org.undersigned.endorsement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an endorsement was verified: the one rule for the public proof, the lists and the export. */
@Schema(name = "Method")
public enum VerificationMethod {
  /** Collected and verified by the coalition before it was imported here. */
  IMPORTED,
  /** The signer proved the contact address. */
  EMAIL_CONFIRMED,
  /** The contact address is in the registrable domain of the signatory's website. */
  DOMAIN_MATCH,
  /** Whoever controls the website's domain published the record asked for (a TXT record). */
  DOMAIN_DNS,
  /** A moderator of the coalition approved it. */
  MODERATOR_APPROVED;

  /** The methods an endorsement passed, in this order. */
  public static List<VerificationMethod> of(
      EndorsementSource source,
      Instant emailConfirmedAt,
      boolean domainMatch,
      Instant domainDnsVerifiedAt,
      Instant approvedAt) {
    List<VerificationMethod> methods = new ArrayList<>();
    if (source == EndorsementSource.IMPORTED) {
      methods.add(IMPORTED);
    }
    if (emailConfirmedAt != null) {
      methods.add(EMAIL_CONFIRMED);
    }
    if (domainMatch) {
      methods.add(DOMAIN_MATCH);
    }
    if (domainDnsVerifiedAt != null) {
      methods.add(DOMAIN_DNS);
    }
    if (approvedAt != null) {
      methods.add(MODERATOR_APPROVED);
    }
    return methods;
  }
}
