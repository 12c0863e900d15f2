package org.undersigned.endorsement.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.common.i18n.Texts;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.common.problem.Redacted;
import org.undersigned.common.text.Domains;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.endorsement.token.TokenService;
import org.undersigned.mail.Outbox;

/**
 * Domain verification (design: verification.md): an organisation proves that it controls the
 * registrable domain of its website by publishing a TXT record at {@code _undersigned.<domain>}, as
 * ACME's dns-01 does.
 *
 * <p>At confirmation each endorsement with a website is given a challenge: a random value for the
 * record and a random check token, both kept as SHA-256 hashes only. They are shown once, in the
 * confirmation's answer, and mailed once: the e-mail's outbox row holds them sealed (AES-GCM, the
 * data key) until it is sent, then they are dropped from it.
 *
 * <p>A check looks the record up (no database connection held meanwhile) and records the outcome on
 * the endorsement and in its audit trail. A record found counts from then on ({@code DOMAIN_DNS});
 * one found gone or wrong stops counting; a DNS that cannot tell (SERVFAIL, no answer) changes
 * nothing but the reason shown. Verified domains are looked up again every {@code
 * recheck-interval}.
 */
@ApplicationScoped
public class DomainVerification {

  /** The record's name under the domain. */
  static final String LABEL = "_undersigned.";

  /** The record's value before the secret. */
  static final String VALUE_PREFIX = "undersigned-verification=";

  /** Who the audit trail names for a check the signer asked for, and for a re-check. */
  static final String SIGNER = "signer", RECHECK = "recheck";

  private final EntityManager entityManager;
  private final EndorsementRepository endorsements;
  private final TokenService tokens;
  private final ContactCipher cipher;
  private final Outbox outbox;
  private final DnsTxt dns;
  private final UndersignedConfig.Verification config;
  private final ObjectMapper json;
  private final Event<DomainChecked> checked;

  public DomainVerification(
      EntityManager entityManager,
      EndorsementRepository endorsements,
      TokenService tokens,
      ContactCipher cipher,
      Outbox outbox,
      DnsTxt dns,
      UndersignedConfig config,
      ObjectMapper json,
      Event<DomainChecked> checked) {
    this.entityManager = entityManager;
    this.endorsements = endorsements;
    this.tokens = tokens;
    this.cipher = cipher;
    this.outbox = outbox;
    this.dns = dns;
    this.config = config.verification();
    this.json = json;
    this.checked = checked;
  }

  /** A check recorded, for the audit trail: who asked, and what was found. */
  public record DomainChecked(UUID endorsementId, String actor, DomainCheck check) {}

  /**
   * The challenge of a just confirmed endorsement with a website whose domain can be registered,
   * with its e-mail queued; none otherwise.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<DomainChallenge> issue(Endorsement e) {
    Optional<String> domain = Domains.registrable(e.website());
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    DomainChallenge challenge =
        new DomainChallenge(
            domain.get(), LABEL + domain.get(), VALUE_PREFIX + tokens.secret(), tokens.secret());
    entityManager
        .createNativeQuery(
            "UPDATE endorsements SET domain_challenge_hash = :value,"
                + " domain_check_token_hash = :token WHERE id = :id")
        .setParameter("value", TokenService.hash(challenge.dnsValue()))
        .setParameter("token", TokenService.hash(challenge.checkToken()))
        .setParameter("id", e.id)
        .executeUpdate();
    try {
      String sealed =
          Base64.getEncoder()
              .encodeToString(cipher.seal(json.writeValueAsString(challenge), sealedPlace(e.id)));
      outbox.enqueue(
          Outbox.DOMAIN_CHALLENGE_MAIL, e.id, json.writeValueAsString(Map.of("sealed", sealed)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
    return Optional.of(challenge);
  }

  /** The challenge an e-mail's outbox row holds sealed; empty once dropped. */
  public Optional<DomainChallenge> sealedIn(UUID endorsementId, String payload) {
    try {
      var sealed = json.readTree(payload).get("sealed");
      if (sealed == null) {
        return Optional.empty();
      }
      return Optional.of(
          json.readValue(
              cipher.open(Base64.getDecoder().decode(sealed.asText()), sealedPlace(endorsementId)),
              DomainChallenge.class));
    } catch (java.io.IOException | RuntimeException e) {
      Log.warnf("A domain challenge e-mail could not be read: %s", Redacted.describe(e));
      return Optional.empty();
    }
  }

  private static String sealedPlace(UUID endorsementId) {
    return ContactCipher.place("outbox", "domain_challenge", endorsementId);
  }

  /**
   * The signer asks for a check with its token: the record is looked up now and the outcome
   * recorded. An unknown token, or one of an endorsement withdrawn or rejected, is {@code
   * token-unknown}.
   */
  public DomainCheck check(String token, Locale locale) {
    if (!TokenService.wellFormed(token)) {
      throw new ProblemException(ProblemType.TOKEN_UNKNOWN);
    }
    Target target =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    target(
                            "domain_check_token_hash = :hash"
                                + " AND status IN ('CONFIRMED', 'PUBLISHED')",
                            Map.of("hash", TokenService.hash(token)))
                        .stream()
                        .findFirst()
                        .orElse(null));
    if (target == null) {
      throw new ProblemException(ProblemType.TOKEN_UNKNOWN);
    }
    return lookUpAndRecord(target, SIGNER, locale);
  }

  /** Looks the verified domains up again, each every recheck-interval, across instances. */
  @Scheduled(
      identity = "domain-recheck",
      every = "1m",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      recheckDue();
    } catch (RuntimeException e) {
      Log.warnf("Domain re-checks not run: %s", Redacted.describe(e));
    }
  }

  /** Looks up again the domains due (at most 50 a run); answers how many. */
  public int recheckDue() {
    Instant before = Instant.now().minus(config.recheckInterval());
    List<Target> due =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  // Claimed by stamping them: another instance's run skips them.
                  @SuppressWarnings("unchecked")
                  List<UUID> ids =
                      entityManager
                          .createNativeQuery(
                              "UPDATE endorsements SET domain_checked_at = now() WHERE id IN ("
                                  + " SELECT id FROM endorsements WHERE domain_dns_seen_at IS NOT"
                                  + " NULL AND domain_challenge_hash IS NOT NULL"
                                  + " AND status IN ('CONFIRMED', 'PUBLISHED')"
                                  + " AND domain_checked_at < :before ORDER BY domain_checked_at"
                                  + " LIMIT 50 FOR UPDATE SKIP LOCKED) RETURNING id",
                              UUID.class)
                          .setParameter("before", before)
                          .getResultList();
                  return ids.isEmpty()
                      ? List.<Target>of()
                      : target("id IN (:ids)", Map.of("ids", ids));
                });
    for (Target target : due) {
      lookUpAndRecord(target, RECHECK, Texts.SUPPORTED.get(0));
    }
    return due.size();
  }

  /** What a look-up needs: the endorsement, its domain and the hash of the value asked for. */
  private record Target(UUID id, String domain, byte[] challengeHash) {}

  @SuppressWarnings("unchecked")
  private List<Target> target(String where, Map<String, Object> parameters) {
    var query =
        entityManager.createNativeQuery(
            "SELECT id, domain_challenge_hash FROM endorsements WHERE "
                + where
                + " AND domain_challenge_hash IS NOT NULL",
            jakarta.persistence.Tuple.class);
    parameters.forEach(query::setParameter);
    List<jakarta.persistence.Tuple> rows = query.getResultList();
    return rows.stream()
        .flatMap(
            row -> {
              UUID id = row.get("id", UUID.class);
              // The website may be sealed (an anonymous endorsement): the entity opens it.
              Endorsement e = endorsements.findById(id);
              return Domains.registrable(e.website()).stream()
                  .map(d -> new Target(id, d, row.get("domain_challenge_hash", byte[].class)));
            })
        .toList();
  }

  private DomainCheck lookUpAndRecord(Target target, String actor, Locale locale) {
    String dnsName = LABEL + target.domain();
    DnsTxt.Answer answer = dns.lookup(dnsName);
    DomainCheck.Reason reason =
        switch (answer.outcome()) {
          case FOUND ->
              answer.values().stream()
                      .anyMatch(
                          v -> MessageDigest.isEqual(TokenService.hash(v), target.challengeHash()))
                  ? null
                  : DomainCheck.Reason.RECORD_WRONG;
          case NO_RECORD -> DomainCheck.Reason.RECORD_MISSING;
          case NO_DOMAIN -> DomainCheck.Reason.DOMAIN_NOT_FOUND;
          case FAILED -> DomainCheck.Reason.DNS_FAILED;
          case NO_ANSWER -> DomainCheck.Reason.DNS_NO_ANSWER;
        };
    Instant now = Instant.now();
    DomainCheck check =
        new DomainCheck(
            target.domain(),
            reason == null,
            DomainCheck.Method.DOMAIN_DNS,
            now,
            reason,
            reason == null ? null : Texts.text(locale, "domain-check." + reason.name(), dnsName));
    QuarkusTransaction.requiringNew().run(() -> record(target.id(), actor, check));
    return check;
  }

  private void record(UUID id, String actor, DomainCheck check) {
    Endorsement e = endorsements.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (e == null) {
      return;
    }
    e.domainCheckedAt = check.checkedAt();
    if (check.verified()) {
      if (e.domainDnsVerifiedAt == null) {
        e.domainDnsVerifiedAt = check.checkedAt();
      }
      e.domainDnsSeenAt = check.checkedAt();
      e.domainCheckReason = null;
    } else {
      e.domainCheckReason = check.reason().name();
      if (check.reason().definite()) {
        e.domainDnsVerifiedAt = null;
      }
    }
    checked.fire(new DomainChecked(id, actor, check));
  }
}
