package org.undersigned.endorsement.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.UUID;
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
import org.undersigned.mail.SmtpSender;

/**
 * The e-mails of the signing workflow, sent from the outbox. Each link's secret is made when the
 * mail leaves, so no secret ever waits in the database in clear.
 */
@ApplicationScoped
public class EndorsementMails {

  private final EndorsementRepository endorsements;
  private final LetterRepository letters;
  private final LetterTranslationRepository translations;
  private final TokenService tokens;
  private final MailComposer composer;
  private final SmtpSender mailer;
  private final Outbox outbox;
  private final UndersignedConfig config;
  private final MailBudget budget;

  public EndorsementMails(
      EndorsementRepository endorsements,
      LetterRepository letters,
      LetterTranslationRepository translations,
      TokenService tokens,
      MailComposer composer,
      SmtpSender mailer,
      Outbox outbox,
      UndersignedConfig config,
      MailBudget budget) {
    this.budget = budget;
    this.endorsements = endorsements;
    this.letters = letters;
    this.translations = translations;
    this.tokens = tokens;
    this.composer = composer;
    this.mailer = mailer;
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
    public void handle(OutboxMessage message) throws Exception {
      mails.sendConfirmation(message.subjectId);
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
    public void handle(OutboxMessage message) throws Exception {
      byte[] hash =
          Base64.getDecoder().decode(json.readTree(message.payload).get("emailHash").asText());
      mails.queueWithdrawalLinks(message.subjectId, hash);
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
    public void handle(OutboxMessage message) throws Exception {
      mails.sendWithdrawalLink(message.subjectId);
    }
  }

  /** Mails the confirmation link of an endorsement that still waits for it. */
  public void sendConfirmation(UUID endorsementId) throws Exception {
    Endorsement e = endorsements.findById(endorsementId);
    // Withdrawn or decided before the mail left: there is nothing left to confirm.
    if (e != null
        && e.status == EndorsementStatus.PENDING_CONFIRMATION
        && e.contactEmail != null
        && budget.confirmation(e.contactEmail)) {
      send(e, TokenPurpose.CONFIRMATION);
    }
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

  /** Mails the withdrawal link of an endorsement not withdrawn yet. */
  public void sendWithdrawalLink(UUID endorsementId) throws Exception {
    Endorsement e = endorsements.findById(endorsementId);
    if (e != null
        && e.status != EndorsementStatus.WITHDRAWN
        && e.contactEmail != null
        && budget.withdrawal(e.contactEmail)) {
      send(e, TokenPurpose.WITHDRAWAL);
    }
  }

  private void send(Endorsement e, TokenPurpose purpose) throws Exception {
    Letter letter = letters.findById(e.letterId);
    Locale locale =
        Texts.fromTag(e.language, Texts.fromTag(letter.originalLanguage, Texts.SUPPORTED.get(0)));
    String title = titleIn(letter, locale);
    // Committed before the mail leaves: a click (or a mail scanner's request) an instant after the
    // mail arrives finds its token. Should the send fail, the unsent token is never known to anyone
    // and expires; the retry issues another.
    String token = QuarkusTransaction.requiringNew().call(() -> tokens.issue(e.id, purpose));
    Instant expires = Instant.now().plus(config.tokens().ttl());
    String expiry =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(ZoneOffset.UTC)
            .format(expires);
    String who =
        e.displayName() == null
            ? Texts.text(locale, "mail.anonymous-organisation")
            : e.displayName();
    String prefix =
        purpose == TokenPurpose.CONFIRMATION ? "mail.confirmation." : "mail.withdrawal.";
    String path = purpose == TokenPurpose.CONFIRMATION ? "/confirm" : "/withdraw";
    String link =
        config.links().baseUrl().replaceAll("/+$", "")
            + path
            + "?token="
            + token
            + "&lang="
            + URLEncoder.encode(locale.getLanguage(), StandardCharsets.UTF_8);
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
    mailer.send(composer.compose(e.contactEmail, message));
  }

  private String titleIn(Letter letter, Locale locale) {
    List<LetterTranslation> texts = translations.latestOf(letter.id);
    return texts.stream()
        .filter(t -> t.language.equals(locale.getLanguage()))
        .findFirst()
        .or(
            () ->
                texts.stream().filter(t -> t.language.equals(letter.originalLanguage)).findFirst())
        // "Une lettre ouverte :" reads as a heading; inside a sentence the colon goes.
        .map(t -> t.title.replaceAll("\\s*:\\s*$", ""))
        .orElse(letter.slug);
  }
}
