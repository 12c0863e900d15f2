package org.undersigned.endorsement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Base64;
import org.undersigned.common.crypto.ContactCipher;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;
import org.undersigned.letter.Letter;
import org.undersigned.letter.service.LetterService;
import org.undersigned.mail.Outbox;

/**
 * Takes a request for a withdrawal link. The request always does the same work, one row in the
 * outbox with the address's hash, whether or not the address signed; the worker finds out later and
 * mails a link only to an address that did. Neither the answer nor its timing tells.
 */
@ApplicationScoped
public class WithdrawalRequests {

  private final LetterService letters;
  private final Outbox outbox;
  private final ContactCipher cipher;

  public WithdrawalRequests(LetterService letters, Outbox outbox, ContactCipher cipher) {
    this.letters = letters;
    this.cipher = cipher;
    this.outbox = outbox;
  }

  @Transactional
  public void request(String slug, String email) {
    Letter letter =
        letters
            .findPublicLetter(slug)
            .orElseThrow(() -> new ProblemException(ProblemType.LETTER_NOT_FOUND));
    String hash = Base64.getEncoder().encodeToString(cipher.emailHash(email));
    outbox.enqueue(Outbox.WITHDRAWAL_REQUEST, letter.id, "{\"emailHash\":\"" + hash + "\"}");
  }
}
