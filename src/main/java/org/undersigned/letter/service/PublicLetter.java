package org.undersigned.letter.service;

import java.util.List;
import org.undersigned.letter.Counts;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterTranslation;

/**
 * A letter as the public sees it in one language, at one instant: its counts (null while an embargo
 * hides them) and whether its list of signatories is public yet.
 */
public record PublicLetter(
    Letter letter,
    LetterTranslation text,
    List<String> languages,
    Counts counts,
    boolean listPublic,
    boolean open) {}
