package org.undersigned.common.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.undersigned.common.config.UndersignedConfig;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;

/**
 * {@code Idempotency-Key} for writes that clients retry (mobile apps on flaky networks): the first
 * answer to a key is stored in the transaction that made it and replayed for the same key and body;
 * the same key with another body is refused. Concurrent requests with one key wait for each other
 * on an advisory lock, so the work is done once.
 */
@ApplicationScoped
public class Idempotency {

  private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

  private final EntityManager entityManager;
  private final UndersignedConfig config;

  public Idempotency(EntityManager entityManager, UndersignedConfig config) {
    this.entityManager = entityManager;
    this.config = config;
  }

  /** An answer as it was sent: its status and JSON body. */
  public record Answer(int status, String json) {}

  /** Checks the header's form before any work: a malformed key is the caller's error. */
  public static void checkKey(String key) {
    if (key != null && !KEY.matcher(key).matches()) {
      throw ProblemException.invalidField("Idempotency-Key", "field.idempotency-key.invalid");
    }
  }

  /** Whether a key already has an answer to replay (a retry, not a new attempt). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean hasAnswer(String scope, String key) {
    if (key == null) {
      return false;
    }
    return !entityManager
        .createNativeQuery(
            "SELECT 1 FROM idempotency_keys"
                + " WHERE scope = :scope AND idempotency_key = :key AND created_at > :since")
        .setParameter("scope", scope)
        .setParameter("key", key)
        .setParameter("since", Instant.now().minus(config.idempotency().ttl()))
        .getResultList()
        .isEmpty();
  }

  /**
   * Does {@code work} once per key: without a key, every time; with one, the first time, and
   * afterwards replays its answer. Runs in the caller's transaction with the work.
   */
  @Transactional
  public Answer once(String scope, String key, byte[] requestHash, Supplier<Answer> work) {
    if (key == null) {
      return work.get();
    }
    checkKey(key);
    entityManager
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:scope), hashtext(:key))")
        .setParameter("scope", scope)
        .setParameter("key", key)
        .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Tuple> previous =
        entityManager
            .createNativeQuery(
                "SELECT request_hash, response_status, response_body FROM idempotency_keys"
                    + " WHERE scope = :scope AND idempotency_key = :key AND created_at > :since",
                Tuple.class)
            .setParameter("scope", scope)
            .setParameter("key", key)
            .setParameter("since", Instant.now().minus(config.idempotency().ttl()))
            .getResultList();
    if (!previous.isEmpty()) {
      Tuple row = previous.get(0);
      if (!Arrays.equals(row.get("request_hash", byte[].class), requestHash)) {
        throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED);
      }
      return new Answer(
          ((Number) row.get("response_status")).intValue(), row.get("response_body", String.class));
    }
    Answer answer = work.get();
    entityManager
        .createNativeQuery(
            "INSERT INTO idempotency_keys"
                + " (scope, idempotency_key, request_hash, response_status, response_body, created_at)"
                + " VALUES (:scope, :key, :hash, :status, :body, now())"
                + " ON CONFLICT (scope, idempotency_key) DO UPDATE SET request_hash = EXCLUDED.request_hash,"
                + " response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body,"
                + " created_at = EXCLUDED.created_at")
        .setParameter("scope", scope)
        .setParameter("key", key)
        .setParameter("hash", requestHash)
        .setParameter("status", answer.status())
        .setParameter("body", answer.json())
        .executeUpdate();
    return answer;
  }
}
