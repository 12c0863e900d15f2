package org.undersigned.moderation.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.undersigned.common.problem.ProblemException;

/** The network of a burst search: any input is a normalised CIDR range or a 400, nothing else. */
class BurstNetworkPropertiesTest {

  @Property(tries = 3000)
  void anyTextIsARangeOrARefusal(@ForAll String text) {
    try {
      String network = AdminBurstResource.network(text);
      assertTrue(network == null || network.contains("/"));
    } catch (ProblemException refused) {
      // A 400 problem: what a caller gets for a bad range.
    }
  }

  @Property(tries = 1000)
  void ipv4RangesAreNormalisedToTheirNetwork(
      @ForAll @IntRange(max = 255) int a,
      @ForAll @IntRange(max = 255) int b,
      @ForAll @IntRange(max = 255) int c,
      @ForAll @IntRange(max = 255) int d,
      @ForAll @IntRange(min = 1, max = 24) int prefix) {
    long address = ((long) a << 24) | ((long) b << 16) | ((long) c << 8) | d;
    long network = address & ((0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL);
    String dotted =
        (network >> 24 & 255)
            + "."
            + (network >> 16 & 255)
            + "."
            + (network >> 8 & 255)
            + "."
            + (network & 255);
    assertEquals(
        dotted + "/" + prefix,
        AdminBurstResource.network(a + "." + b + "." + c + "." + d + "/" + prefix));
  }
}
