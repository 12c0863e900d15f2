package org.undersigned.letter;

/** Where a letter is in its life: being written, collecting signatures, or closed. */
public enum LetterStatus {
  DRAFT,
  OPEN,
  CLOSED
}
