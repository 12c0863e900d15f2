package org.undersigned.endorsement.token;

/** What a link sent by e-mail lets its holder do. */
public enum TokenPurpose {
  CONFIRMATION,
  WITHDRAWAL
}
