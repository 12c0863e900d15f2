package org.undersigned.endorsement;

/** Where an endorsement came from. */
public enum EndorsementSource {
  /** Collected elsewhere and imported, like the bundled letter's signatories. */
  IMPORTED,
  /** Submitted to this service directly. */
  WEB,
  /** Submitted through a partner's site or widget. */
  PARTNER
}
