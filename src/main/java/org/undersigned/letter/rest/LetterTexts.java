package org.undersigned.letter.rest;

import org.undersigned.letter.service.LetterManagement;

/** Turns the API's text of a letter into the service's. */
final class LetterTexts {

  private LetterTexts() {}

  static LetterManagement.Text of(TranslationText t) {
    return new LetterManagement.Text(
        t.title(), t.recipients(), t.paragraphs(), t.closing(), t.countSentence());
  }
}
