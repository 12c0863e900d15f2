package org.undersigned.letter;

/** When a confirmed endorsement becomes public. */
public enum ModerationPolicy {
  /** As soon as the signer proves the contact address. */
  PUBLISH_ON_CONFIRMATION,
  /** Once a moderator approves it. */
  PUBLISH_ON_APPROVAL
}
