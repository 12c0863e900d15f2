package org.undersigned.endorsement.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.undersigned.common.cache.ReadCache;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.i18n.Texts;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.endorsement.EndorsementStatus;
import org.undersigned.endorsement.repository.EndorsementRepository;
import org.undersigned.endorsement.token.TokenPurpose;
import org.undersigned.endorsement.token.TokenService;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterTranslation;
import org.undersigned.letter.repository.LetterRepository;
import org.undersigned.letter.repository.LetterTranslationRepository;
import org.undersigned.mail.MailComposer;
import org.undersigned.mail.Outbox;
import org.undersigned.mail.OutboxHandler;
import org.undersigned.mail.OutboxMessage;

/**
 * The e-mails of the signing workflow, prepared for the outbox. Each link's secret is made when the
 * mail is about to leave, so no secret ever waits in the database in clear.
 *
 * <p>Over 300 lines because it holds every e-mail of the workflow (confirmation, withdrawal,
 * notices, the log receipt, the domain challenge), each short, sharing the rules of language, name
 * and link kept once here.
 */
@ApplicationScoped
public class EndorsementMails {

  private final EndorsementRepository endorsements;
  private final LetterRepository letters;
  private final LetterTranslationRepository translations;
  private final TokenService tokens;
  private final MailComposer composer;
  private final Outbox outbox;
  private final UndersignedConfig config;
  private final MailBudget budget;
  private final ReadCache cache;
  private final org.undersigned.tlog.PublicLog publicLog;

  public EndorsementMails(
      EndorsementRepository endorsements,
      LetterRepository letters,
      LetterTranslationRepository translations,
      TokenService tokens,
      MailComposer composer,
      Outbox outbox,
      UndersignedConfig config,
      MailBudget budget,
      ReadCache cache,
      org.undersigned.tlog.PublicLog publicLog) {
    this.publicLog = publicLog;
    this.cache = cache;
    this.budget = budget;
    this.endorsements = endorsements;
    this.letters = letters;
    this.translations = translations;
    this.tokens = tokens;
    this.composer = composer;
    this.outbox = outbox;
    this.config = config;
  }

  /** The confirmation e-mail of a new submission. */
  @ApplicationScoped
  public static class Confirmation implements OutboxHandler {
    private final EndorsementMails mails;

    public Confirmation(EndorsementMails mails) {
      this.mails = mails;
    }

    @Override
    public String kind() {
      return Outbox.CONFIRMATION_MAIL;
    }

    @Override
    public Optional<Mail> prepare(OutboxMessage message) {
      return mails.confirmation(message.subjectId);
    }

    @Override
    public void unsent(OutboxMessage message, Mail mail) {
      mails.confirmationUnsent(mail.getTo().get(0));
    }
  }

  /**
   * A withdrawal request: finds the endorsements the address made, if any, and queues one mail for
   * each, so that a failure of one mail never sends another twice.
   */
  @ApplicationScoped
  public static class WithdrawalRequest implements OutboxHandler {
    private final EndorsementMails mails;
    private final ObjectMapper json;

    public WithdrawalRequest(EndorsementMails mails, ObjectMapper json) {
      this.mails = mails;
      this.json = json;
    }

    @Override
    public String kind() {
      return Outbox.WITHDRAWAL_REQUEST;
    }

    @Override
    public Optional<Mail> prepare(OutboxMessage message) throws Exception {
      byte[] hash =
          Base64.getDecoder().decode(json.readTree(message.payload).get("emailHash").asText());
      mails.queueWithdrawalLinks(message.subjectId, hash);
      return Optional.empty();
    }
  }

  /** One withdrawal link, to the address of one endorsement. */
  @ApplicationScoped
  public static class Withdrawal implements OutboxHandler {
    private final EndorsementMails mails;

    public Withdrawal(EndorsementMails mails) {
      this.mails = mails;
    }

    @Override
    public String kind() {
      return Outbox.WITHDRAWAL_MAIL;
    }

    @Override
    public Optional<Mail> prepare(OutboxMessage message) {
      return mails.withdrawalLink(message.subjectId);
    }

    @Override
    public void unsent(OutboxMessage message, Mail mail) {
      mails.withdrawalUnsent(mail.getTo().get(0));
    }
  }

  /**
   * An anonymous signatory's private receipt, once its publication is in the public log: the
   * entry's index and the salt that opens its commitment, with which it alone can prove later that
   * it signed. Sent once per publication, to the confirmed address; it spends no budget (the
   * signer's own confirmation did).
   */
  @ApplicationScoped
  public static class LogReceipt implements OutboxHandler {
    private final EndorsementMails mails;

    public LogReceipt(EndorsementMails mails) {
      this.mails = mails;
    }

    @Override
    public String kind() {
      return Outbox.LOG_RECEIPT_MAIL;
    }

    @Override
    public Optional<Mail> prepare(OutboxMessage message) {
      return mails.logReceipt(message.subjectId);
    }
  }

  /**
   * The instructions of a domain verification, once the address is confirmed: the TXT record to
   * publish and a link to the page that asks for the check. Sent once, to the confirmed address; it
   * spends no budget (the signer's own confirmation did).
   */
  @ApplicationScoped
  public static class DomainChallengeMail implements OutboxHandler {
    private final EndorsementMails mails;
    private final org.undersigned.endorsement.verification.DomainVerification verification;

    public DomainChallengeMail(
        EndorsementMails mails,
        org.undersigned.endorsement.verification.DomainVerification verification) {
      this.mails = mails;
      this.verification = verification;
    }

    @Override
    public String kind() {
      return Outbox.DOMAIN_CHALLENGE_MAIL;
    }

    @Override
    public Optional<Mail> prepare(OutboxMessage message) {
      return verification
          .sealedIn(message.subjectId, message.payload)
          .flatMap(challenge -> mails.domainChallenge(message.subjectId, challenge));
    }
  }

  /** The e-mail of a domain challenge, while its endorsement is in play; none otherwise. */
  public Optional<Mail> domainChallenge(
      UUID endorsementId, org.undersigned.endorsement.verification.DomainChallenge challenge) {
    Endorsement e = endorsements.findById(endorsementId);
    if (e == null
        || (e.status != EndorsementStatus.CONFIRMED && e.status != EndorsementStatus.PUBLISHED)
        || e.contactEmail == null) {
      return Optional.empty();
    }
    Titles letter = titles(e.letterId);
    Locale locale = letter.localeOf(e);
    String who = who(e, locale);
    String link = link("/check-domain", challenge.checkToken(), locale);
    MailComposer.Message message =
        new MailComposer.Message(
            locale,
            Texts.text(locale, "mail.domain.subject", challenge.domain()),
            List.of(
                Texts.text(locale, "mail.greeting"),
                Texts.text(locale, "mail.domain.intro", letter.in(locale), who, challenge.domain()),
                Texts.text(locale, "mail.domain.name", challenge.dnsName()),
                Texts.text(locale, "mail.domain.type"),
                Texts.text(locale, "mail.domain.value", challenge.dnsValue()),
                Texts.text(locale, "mail.domain.hosts", challenge.domain())),
            Texts.text(locale, "mail.domain.action"),
            link,
            List.of(Texts.text(locale, "mail.domain.why"), Texts.text(locale, "mail.signature")));
    return Optional.of(composer.compose(e.contactEmail, message));
  }

  /** The receipt of an anonymous, published, logged endorsement; none otherwise. */
  public Optional<Mail> logReceipt(UUID endorsementId) {
    Endorsement e = endorsements.findById(endorsementId);
    if (e == null
        || !e.anonymous
        || e.status != EndorsementStatus.PUBLISHED
        || e.contactEmail == null) {
      return Optional.empty();
    }
    return publicLog
        .proofOf(e.id)
        .map(
            proof -> {
              Titles letter = titles(e.letterId);
              Locale locale = letter.localeOf(e);
              String who = who(e, locale);
              // The index as digits only (a number would be grouped: 1,234).
              String index = Long.toString(proof.index());
              MailComposer.Message message =
                  new MailComposer.Message(
                      locale,
                      Texts.text(locale, "mail.log-receipt.subject", letter.in(locale)),
                      List.of(
                          Texts.text(locale, "mail.greeting"),
                          Texts.text(locale, "mail.log-receipt.intro", letter.in(locale), who),
                          Texts.text(locale, "mail.log-receipt.index", index),
                          Texts.text(locale, "mail.log-receipt.salt", proof.salt()),
                          Texts.text(locale, "mail.log-receipt.how", index)),
                      Texts.text(locale, "mail.log-receipt.action"),
                      publicLog.url(letter.slug()) + "checkpoint",
                      List.of(
                          Texts.text(locale, "mail.log-receipt.keep"),
                          Texts.text(locale, "mail.signature")));
              return composer.compose(e.contactEmail, message);
            });
  }

  /** A confirmation link that did not leave: its budgets are given back. */
  public void confirmationUnsent(String email) {
    budget.confirmationUnsent(email);
  }

  /** A withdrawal link that did not leave: its budget is given back. */
  public void withdrawalUnsent(String email) {
    budget.withdrawalUnsent(email);
  }

  /** The confirmation link of an endorsement that still waits for it, if it may be mailed now. */
  public Optional<Mail> confirmation(UUID endorsementId) {
    Endorsement e = endorsements.findById(endorsementId);
    // Withdrawn or decided before the mail left: there is nothing left to confirm.
    if (e != null
        && e.status == EndorsementStatus.PENDING_CONFIRMATION
        && e.contactEmail != null
        && budget.confirmation(e.contactEmail)) {
      return Optional.of(compose(e, TokenPurpose.CONFIRMATION));
    }
    return Optional.empty();
  }

  private static final java.time.Duration DAY = java.time.Duration.ofDays(1);

  /**
   * Queues a withdrawal link for each endorsement of a letter made with an address; at most three a
   * day for one endorsement, however many requests name it.
   */
  public void queueWithdrawalLinks(UUID letterId, byte[] emailHash) {
    for (Endorsement e : endorsements.activeByEmailHash(letterId, emailHash)) {
      if (e.contactEmail != null && outbox.countSince(Outbox.WITHDRAWAL_MAIL, e.id, DAY) < 3) {
        outbox.enqueue(Outbox.WITHDRAWAL_MAIL, e.id, "{}");
      }
    }
  }

  /** The withdrawal link of an endorsement not withdrawn yet, if it may be mailed now. */
  public Optional<Mail> withdrawalLink(UUID endorsementId) {
    Endorsement e = endorsements.findById(endorsementId);
    if (e != null
        && e.status != EndorsementStatus.WITHDRAWN
        && e.contactEmail != null
        && budget.withdrawal(e.contactEmail)) {
      return Optional.of(compose(e, TokenPurpose.WITHDRAWAL));
    }
    return Optional.empty();
  }

  /**
   * The e-mail with its link. The link's token is issued in the outbox's transaction, committed
   * before the mail leaves: a click (or a mail scanner's request) an instant after the mail arrives
   * finds it. Should the send fail, the unsent token is never known to anyone and expires; the
   * retry issues another.
   */
  private Mail compose(Endorsement e, TokenPurpose purpose) {
    Titles letter = titles(e.letterId);
    Locale locale = letter.localeOf(e);
    String title = letter.in(locale);
    String token = tokens.issue(e.id, purpose);
    Instant expires = Instant.now().plus(config.tokens().ttl());
    String expiry =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(ZoneOffset.UTC)
            .format(expires);
    String who = who(e, locale);
    String prefix =
        purpose == TokenPurpose.CONFIRMATION ? "mail.confirmation." : "mail.withdrawal.";
    String path = purpose == TokenPurpose.CONFIRMATION ? "/confirm" : "/withdraw";
    String link = link(path, token, locale);
    MailComposer.Message message =
        new MailComposer.Message(
            locale,
            Texts.text(locale, prefix + "subject", title),
            List.of(
                Texts.text(locale, "mail.greeting"),
                Texts.text(locale, prefix + "intro", title, who)),
            Texts.text(locale, prefix + "action"),
            link,
            List.of(
                Texts.text(locale, "mail.expiry", expiry),
                Texts.text(locale, prefix + "ignore"),
                Texts.text(locale, "mail.signature")));
    return composer.compose(e.contactEmail, message);
  }

  /**
   * A letter's titles by language, for the e-mails: read once a second at most ({@link
   * ReadCache#fact}), not once per e-mail.
   */
  private Titles titles(UUID letterId) {
    return cache.fact(
        "mail-titles|" + letterId,
        () -> {
          Letter letter = letters.findById(letterId);
          java.util.Map<String, String> byLanguage = new java.util.HashMap<>();
          for (LetterTranslation t : translations.latestOf(letterId)) {
            // "Une lettre ouverte :" reads as a heading; inside a sentence the colon goes.
            byLanguage.put(t.language, t.title.replaceAll("\\s*:\\s*$", ""));
          }
          return new Titles(letter.slug, letter.originalLanguage, java.util.Map.copyOf(byLanguage));
        });
  }

  /** How an e-mail names the organisation: its name, or "your organisation" when it has none. */
  private static String who(Endorsement e, Locale locale) {
    return e.displayName() == null
        ? Texts.text(locale, "mail.anonymous-organisation")
        : e.displayName();
  }

  /** A link of an e-mail: a page of the links' base with the secret and the e-mail's language. */
  private String link(String path, String token, Locale locale) {
    return config.links().baseUrl().replaceAll("/+$", "")
        + path
        + "?token="
        + token
        + "&lang="
        + URLEncoder.encode(locale.getLanguage(), StandardCharsets.UTF_8);
  }

  /** A letter's titles by language; its slug when it has none. */
  private record Titles(
      String slug, String originalLanguage, java.util.Map<String, String> byLanguage) {

    /** The language of an endorsement's e-mails: its own, else the letter's, else the first. */
    Locale localeOf(Endorsement e) {
      return Texts.fromTag(e.language, Texts.fromTag(originalLanguage, Texts.SUPPORTED.get(0)));
    }

    String in(Locale locale) {
      String title = byLanguage.get(locale.getLanguage());
      if (title == null) {
        title = byLanguage.get(originalLanguage);
      }
      return title == null ? slug : title;
    }
  }
}
