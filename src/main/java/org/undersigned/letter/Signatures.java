package org.undersigned.letter;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a letter needs to know of the signatures it gathered, answered by the endorsement feature
 * ({@code endorsement.service.LetterSignatures}). A letter comes before the endorsements that sign
 * it, so it asks through this port and imports nothing of them (ArchitectureTest).
 */
public interface Signatures {

  /** The published signatures' counts. */
  Counts counts(UUID letterId);

  /** Whether any signature of the letter, in any state, is anonymous. */
  boolean anyAnonymous(UUID letterId);

  /** The public signatories' names in the letter's order, for its renderings. */
  List<String> publicNames(Letter letter);

  /** The public signatories of a public letter as CSV, or empty when there is no such letter. */
  Optional<String> csv(String slug);

  /**
   * How the published counts changed, hour by hour (UTC): each hour in which a publication or an
   * ending happened, with the change to the named and anonymous counts, oldest first. Their sums
   * are the counts now.
   */
  List<HourlyChange> hourlyChanges(UUID letterId);

  /** The published, named signatories per country (null: those without one). */
  List<CountryCount> namedByCountry(UUID letterId);

  /**
   * A change of the counts in one hour.
   *
   * @param hour hours since the epoch (UTC)
   */
  record HourlyChange(long hour, long named, long anonymous) {}

  /** How many published, named signatories give this country. */
  record CountryCount(String country, long count) {}
}
