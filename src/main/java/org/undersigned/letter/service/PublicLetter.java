package org.undersigned.letter.service;

import java.util.List;
import org.undersigned.endorsement.Counts;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterTranslation;

/** A letter as the public sees it in one language, with its counts. */
public record PublicLetter(
    Letter letter, LetterTranslation text, List<String> languages, Counts counts) {}
