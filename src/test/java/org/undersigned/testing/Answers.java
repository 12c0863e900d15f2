package org.undersigned.testing;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Comparing answers as a caller sees them. */
public final class Answers {

  private Answers() {}

  /** Every header but Date, by lower-case name, values in order. */
  public static Map<String, List<String>> headersButDate(Response response) {
    return response.headers().asList().stream()
        .filter(h -> !h.getName().equalsIgnoreCase("Date"))
        .collect(
            Collectors.groupingBy(
                h -> h.getName().toLowerCase(),
                TreeMap::new,
                Collectors.mapping(h -> h.getValue(), Collectors.toList())));
  }
}
