package org.undersigned.endorsement;

/** The life of an endorsement; only {@link #PUBLISHED} ones count. */
public enum EndorsementStatus {
  PENDING_CONFIRMATION,
  CONFIRMED,
  PUBLISHED,
  REJECTED,
  WITHDRAWN
}
