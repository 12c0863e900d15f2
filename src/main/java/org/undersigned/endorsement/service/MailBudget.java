package org.undersigned.endorsement.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.common.ratelimit.RateLimiter;
import org.undersigned.common.ratelimit.RateLimiter.Bucket;
import org.undersigned.mail.OutboxHandler;

/**
 * The e-mails the service may send, decided by the outbox when a mail is about to leave, never when
 * a request is answered: the budgets of an address and of a domain count the signer's own mails
 * too, so a request answered by them would tell whether that address had signed. Spent, they are
 * silent: a mail over an address's budget is not sent, one over a domain's or the service's waits
 * for the next window. The hits are counted when the outbox prepares a mail, and given back if it
 * fails to leave (it is retried), so a failed send spends nothing. The outbox prepares several
 * mails at once: the mails to one address take turns, always, and those of a domain or of the
 * service take turns near their limit, so that no budget is passed. Buckets hold keyed hashes,
 * never an address.
 */
@ApplicationScoped
public class MailBudget {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);

  private final RateLimiter limiter;
  private final ContactCipher cipher;
  private final UndersignedConfig.RateLimit config;

  /** How many mails this instance prepares at once: near a shared limit, they take turns. */
  private final int concurrent;

  public MailBudget(RateLimiter limiter, ContactCipher cipher, UndersignedConfig config) {
    this.limiter = limiter;
    this.cipher = cipher;
    this.config = config.rateLimit();
    this.concurrent = config.outbox().senders();
  }

  /**
   * Whether a confirmation link may be mailed to this address now: false when the address has had
   * its share (the mail is dropped); throws {@link OutboxHandler.NotYet} when its domain or the
   * service has (the mail waits).
   */
  public boolean confirmation(String email) {
    List<Bucket> shared = shared(email);
    limiter.serialize(address(email));
    long wait = limiter.secondsUntilRoom(shared, concurrent);
    if (wait > 0) {
      throw new OutboxHandler.NotYet(Duration.ofSeconds(wait));
    }
    if (!toAddress(email)) {
      return false;
    }
    limiter.countWithin(shared);
    return true;
  }

  /** Whether a withdrawal link may be mailed to this address now; false drops it. */
  public boolean withdrawal(String email) {
    limiter.serialize(address(email));
    return toAddress(email);
  }

  /** A confirmation link that was counted and did not leave: its budgets are given back. */
  public void confirmationUnsent(String email) {
    limiter.giveBack(shared(email));
    limiter.giveBack(address(email));
  }

  /** A withdrawal link that was counted and did not leave: its budget is given back. */
  public void withdrawalUnsent(String email) {
    limiter.giveBack(address(email));
  }

  private List<Bucket> shared(String email) {
    return List.of(
        new Bucket("mail:all", config.confirmationMailsPerHour(), HOUR),
        new Bucket("mail:domain:" + hex(cipher.domainHash(email)), config.perDomain()));
  }

  private boolean toAddress(String email) {
    return limiter.countWithin(address(email)) == 0;
  }

  private List<Bucket> address(String email) {
    String address = hex(cipher.emailHash(email));
    return List.of(
        new Bucket("mail:email:" + address, config.perEmail()),
        new Bucket("mail:email-day:" + address, config.mailsPerEmailPerDay(), DAY));
  }

  private static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }
}
