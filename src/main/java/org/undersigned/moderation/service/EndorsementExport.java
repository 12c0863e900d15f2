package org.undersigned.moderation.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.undersigned.common.text.Csv;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.VerificationMethod;

/** The coalition's full export: every endorsement with its status, verification and contacts. */
final class EndorsementExport {

  static final List<String> HEADER =
      List.of(
          "id",
          "status",
          "kind",
          "name",
          "anonymous",
          "country",
          "website",
          "contact_name",
          "contact_email",
          "language",
          "source",
          "partner",
          "verification",
          "created_at",
          "email_confirmed_at",
          "approved_at",
          "approved_by",
          "published_at",
          "rejected_at",
          "rejection_reason",
          "withdrawn_at",
          "duplicate_of");

  private EndorsementExport() {}

  static String write(List<Endorsement> endorsements) {
    StringBuilder out = new StringBuilder(256 + endorsements.size() * 200);
    Csv.row(out, HEADER);
    for (Endorsement e : endorsements) {
      Csv.row(
          out,
          Arrays.asList(
              e.id.toString(),
              e.status.name(),
              e.kind.name(),
              e.displayName(),
              Boolean.toString(e.anonymous),
              e.country(),
              e.website(),
              e.contactName,
              e.contactEmail,
              e.language,
              e.source.name(),
              e.sourcePartner,
              verification(e),
              text(e.createdAt),
              text(e.emailConfirmedAt),
              text(e.approvedAt),
              e.approvedBy,
              text(e.publishedAt),
              text(e.rejectedAt),
              e.rejectionReason,
              text(e.withdrawnAt),
              e.duplicateOf == null ? null : e.duplicateOf.toString()));
    }
    return out.toString();
  }

  /** The verifications passed, as the public look-up names them, separated by semicolons. */
  static String verification(Endorsement e) {
    return VerificationMethod.of(
            e.source, e.emailConfirmedAt, e.domainVerified, e.domainDnsVerifiedAt, e.approvedAt)
        .stream()
        .map(Enum::name)
        .collect(java.util.stream.Collectors.joining(";"));
  }

  private static String text(Instant instant) {
    return Objects.toString(instant, null);
  }
}
