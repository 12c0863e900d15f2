package org.undersigned.common.text;

import java.util.List;

/** RFC 4180 CSV, safe to open in a spreadsheet. */
public final class Csv {

  private Csv() {}

  /** One line: its cells, then CRLF. */
  public static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /**
   * One field: quoted when it holds a comma, a quote or a line break; prefixed with an apostrophe
   * when a spreadsheet would take it for a formula (OWASP's advice on CSV injection).
   */
  public static String cell(String value) {
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
