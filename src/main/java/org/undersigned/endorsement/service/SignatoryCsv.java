package org.undersigned.endorsement.service;

import java.util.List;
import org.undersigned.endorsement.repository.EndorsementRepository.PublicSignatory;

/** Writes the public signatories as RFC 4180 CSV. */
final class SignatoryCsv {

  private SignatoryCsv() {}

  static String write(List<PublicSignatory> signatories) {
    StringBuilder out = new StringBuilder(64 + signatories.size() * 80);
    out.append("id,name,kind,country,website\r\n");
    for (PublicSignatory s : signatories) {
      out.append(s.id())
          .append(',')
          .append(cell(s.name()))
          .append(',')
          .append(s.kind())
          .append(',')
          .append(cell(s.country()))
          .append(',')
          .append(cell(s.website()))
          .append("\r\n");
    }
    return out.toString();
  }

  /**
   * One field: quoted when it holds a comma, a quote or a line break; prefixed with an apostrophe
   * when a spreadsheet would take it for a formula (OWASP's advice on CSV injection).
   */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = value;
    char first = text.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
