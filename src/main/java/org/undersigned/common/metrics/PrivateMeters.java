package org.undersigned.common.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Meters that would move with what a signatory did, kept out of every registry. The mail client's
 * (bytes written and read per send) rise when a withdrawal link goes to an address that signed and
 * stay still for one that did not: whoever reads them, on any port, would learn who signed. The
 * outbox's work is seen in the logs and the database instead. SignerIndistinguishabilityTest
 * compares every series after the same requests about a signer and a stranger.
 */
@Singleton
public class PrivateMeters {

  @Produces
  @Singleton
  MeterFilter noMailMeters() {
    return MeterFilter.denyNameStartsWith("mail.");
  }
}
