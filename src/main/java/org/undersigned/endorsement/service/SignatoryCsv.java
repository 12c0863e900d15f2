package org.undersigned.endorsement.service;

import java.util.Arrays;
import java.util.List;
import org.undersigned.common.text.Csv;
import org.undersigned.endorsement.repository.EndorsementRepository.PublicSignatory;

/** Writes the public signatories as CSV. */
final class SignatoryCsv {

  private SignatoryCsv() {}

  static String write(List<PublicSignatory> signatories) {
    StringBuilder out = new StringBuilder(64 + signatories.size() * 80);
    Csv.row(out, List.of("id", "name", "kind", "country", "website"));
    for (PublicSignatory s : signatories) {
      Csv.row(
          out,
          Arrays.asList(s.id().toString(), s.name(), s.kind().name(), s.country(), s.website()));
    }
    return out.toString();
  }
}
