package org.undersigned.endorsement;

/** Who signs: an organisation (the usual case) or a person in their own name. */
public enum EndorsementKind {
  ORGANISATION,
  INDIVIDUAL
}
