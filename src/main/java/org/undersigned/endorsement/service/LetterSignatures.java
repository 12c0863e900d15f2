package org.undersigned.endorsement.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.letter.Counts;
import org.undersigned.letter.Letter;
import org.undersigned.letter.Signatures;

/** The letter's questions about its signatures ({@link Signatures}), answered here. */
@ApplicationScoped
public class LetterSignatures implements Signatures {

  private final EndorsementRepository endorsements;
  private final SignatoryService signatories;

  public LetterSignatures(EndorsementRepository endorsements, SignatoryService signatories) {
    this.endorsements = endorsements;
    this.signatories = signatories;
  }

  @Override
  public Counts counts(UUID letterId) {
    return endorsements.counts(letterId);
  }

  @Override
  public boolean anyAnonymous(UUID letterId) {
    return endorsements.count("letterId = ?1 and anonymous = true", letterId) > 0;
  }

  @Override
  public List<String> publicNames(Letter letter) {
    return signatories.publicNames(letter);
  }

  @Override
  public Optional<String> csv(String slug) {
    return signatories.csv(slug);
  }

  @Override
  public List<HourlyChange> hourlyChanges(UUID letterId) {
    return endorsements.hourlyChanges(letterId);
  }

  @Override
  public List<CountryCount> namedByCountry(UUID letterId) {
    return endorsements.namedByCountry(letterId);
  }
}
