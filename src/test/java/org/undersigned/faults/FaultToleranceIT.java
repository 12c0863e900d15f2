package org.undersigned.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.faults.Faults.await;
import static org.undersigned.faults.Faults.get;
import static org.undersigned.faults.Faults.newEmail;
import static org.undersigned.faults.Faults.post;
import static org.undersigned.faults.Faults.sign;

import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.undersigned.testing.Mails;
import org.undersigned.testing.RawSmtp;

/**
 * Failures played with real processes: the packaged service, a TCP proxy in front of PostgreSQL
 * that is cut, a real SMTP server that is stopped, a kill -9 in a burst, several instances on one
 * database, and more requests than the service takes at once.
 */
class FaultToleranceIT {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  @BeforeAll
  static void database() throws Exception {
    Faults.freshDatabase();
  }

  @Test
  void databaseAwayReadsServedWritesRefusedWith503ThenEverythingRecovers() throws Exception {
    int smtpPort = Faults.freePort();
    GreenMail mail = Faults.smtp(smtpPort);
    try (TcpProxy proxy = new TcpProxy(Faults.POSTGRES_PORT);
        ServiceProcess service =
            new ServiceProcess("database-away", Faults.settings(proxy.port(), smtpPort)).start()) {
      String letter = service.baseUrl() + "/api/v1/letters/" + Faults.SLUG;
      HttpResponse<String> before = get(letter);
      assertEquals(200, before.statusCode());
      assertEquals(200, get(letter + "/counts").statusCode());

      proxy.cut();

      // Reads the service holds are still served.
      HttpResponse<String> during = get(letter);
      assertEquals(200, during.statusCode());
      assertEquals(before.body(), during.body());
      assertEquals(200, get(letter + "/counts").statusCode());
      // Writes are refused at once with a problem, never a 500 or a hang.
      long started = System.nanoTime();
      HttpResponse<String> write = sign(service, "Database Away Org", newEmail());
      assertEquals(503, write.statusCode(), write.body());
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 15, "no hang");
      assertTrue(
          write
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/problem+json"));
      assertTrue(write.headers().firstValue("Retry-After").isPresent());
      assertTrue(write.body().contains("urn:undersigned:problem:service-unavailable"));
      // A read it does not hold is refused the same way.
      HttpResponse<String> uncached = get(letter + "/signatories?limit=7");
      assertEquals(503, uncached.statusCode(), uncached.body());
      await(
          Duration.ofSeconds(30),
          "readiness reports the database down",
          () -> get(service.managementUrl() + "/q/health/ready").statusCode() == 503);
      assertEquals(200, get(service.managementUrl() + "/q/health/live").statusCode());

      proxy.restore();

      await(
          Duration.ofSeconds(60),
          "readiness is up again",
          () -> get(service.managementUrl() + "/q/health/ready").statusCode() == 200);
      String email = newEmail();
      await(
          Duration.ofSeconds(30),
          "a submission is accepted again",
          () -> sign(service, "Database Back Org", email).statusCode() == 202);
      await(
          Duration.ofSeconds(30),
          "its e-mail is sent",
          () -> Faults.messagesTo(mail, email).size() == 1);
    } finally {
      mail.stop();
    }
  }

  @Test
  void mailServerAwaySubmissionsAcceptedAndMailedOnceItReturns() throws Exception {
    int smtpPort = Faults.freePort();
    GreenMail mail = Faults.smtp(smtpPort);
    try (ServiceProcess service =
        new ServiceProcess("mail-away", Faults.settings(Faults.POSTGRES_PORT, smtpPort)).start()) {
      mail.stop();
      List<String> emails = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String email = newEmail();
        emails.add(email);
        assertEquals(202, sign(service, "Mail Away Org " + i, email).statusCode());
      }
      Thread.sleep(3_000); // several failed attempts
      mail = Faults.smtp(smtpPort);
      GreenMail back = mail;
      await(
          Duration.ofSeconds(60),
          "every e-mail arrived",
          () -> emails.stream().allMatch(e -> Faults.messagesTo(back, e).size() >= 1));
      Thread.sleep(3_000); // time for a duplicate to show
      for (String email : emails) {
        assertEquals(1, Faults.messagesTo(back, email).size(), "one e-mail, never two");
      }
    } finally {
      mail.stop();
    }
  }

  @Test
  void killedDuringABurstEverySubmissionAnswered202IsKeptAndMailed() throws Exception {
    int smtpPort = Faults.freePort();
    GreenMail mail = Faults.smtp(smtpPort);
    Map<String, String> settings = Faults.settings(Faults.POSTGRES_PORT, smtpPort);
    Map<String, String> accepted = new ConcurrentHashMap<>();
    try {
      ServiceProcess first = new ServiceProcess("kill-burst-1", settings).start();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      AtomicInteger sent = new AtomicInteger();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        running.add(
            pool.submit(
                () -> {
                  while (sent.incrementAndGet() < 2_000) {
                    String email = newEmail();
                    try {
                      HttpResponse<String> r = sign(first, "Burst Org " + email, email);
                      if (r.statusCode() == 202) {
                        Matcher id = ID.matcher(r.body());
                        assertTrue(id.find());
                        accepted.put(id.group(1), email);
                      }
                    } catch (Exception connectionLost) {
                      return null;
                    }
                  }
                  return null;
                }));
      }
      await(Duration.ofSeconds(30), "the burst is under way", () -> accepted.size() >= 50);
      first.kill();
      pool.shutdown();
      assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));

      try (ServiceProcess second = new ServiceProcess("kill-burst-2", settings).start()) {
        Set<String> stored = ConcurrentHashMap.newKeySet();
        try (Connection c = Faults.database();
            PreparedStatement s =
                c.prepareStatement(
                    "SELECT CAST(id AS text) FROM endorsements WHERE source = 'WEB'");
            ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            stored.add(rows.getString(1));
          }
        }
        for (String id : accepted.keySet()) {
          assertTrue(stored.contains(id), "a submission answered 202 was lost");
        }
        await(
            Duration.ofSeconds(120),
            "every accepted submission's e-mail is sent",
            () -> accepted.values().stream().allMatch(e -> !Faults.messagesTo(mail, e).isEmpty()));
      }
    } finally {
      mail.stop();
    }
  }

  /**
   * kill -9 after the mail server has taken an e-mail and before the service recorded it: the
   * e-mail is sent again by the next instance once its lease ends, once and only once (delivery is
   * at least once, and this is the one duplicate it allows).
   */
  @Test
  void killedBetweenASendAndItsRecordTheMailIsSentAgainOnce() throws Exception {
    try (RawSmtp smtp = new RawSmtp(0)) {
      Map<String, String> settings = Faults.settings(Faults.POSTGRES_PORT, smtp.port());
      settings.put("undersigned.outbox.lease", "2S");
      String email = newEmail();
      ServiceProcess first = new ServiceProcess("kill-send-1", settings).start();
      java.util.concurrent.CountDownLatch killed = new java.util.concurrent.CountDownLatch(1);
      smtp.onMessage(
          message -> {
            if (message.contains("To: " + email) && killed.getCount() > 0) {
              try {
                first.kill();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              killed.countDown();
            }
          });
      assertEquals(202, sign(first, "Killed Mid Send Org", email).statusCode());
      assertTrue(killed.await(30, TimeUnit.SECONDS), "the e-mail reached the mail server");
      smtp.onMessage(message -> {});
      try (ServiceProcess second = new ServiceProcess("kill-send-2", settings).start()) {
        await(
            Duration.ofSeconds(60),
            "the e-mail is sent again",
            () -> smtp.received().stream().filter(m -> m.contains("To: " + email)).count() >= 2);
        Thread.sleep(5_000); // time for a third, were one to come
        assertEquals(2, smtp.received().stream().filter(m -> m.contains("To: " + email)).count());
      }
    }
  }

  @Test
  void threeInstancesShareTheWorkWithoutDuplicatePublicationsOrMails() throws Exception {
    int smtpPort = Faults.freePort();
    GreenMail mail = Faults.smtp(smtpPort);
    Map<String, String> settings = Faults.settings(Faults.POSTGRES_PORT, smtpPort);
    String slug = "fault-three-instances";
    try (Connection c = Faults.database()) {
      // The bundled letter publishes on approval; this copy publishes on confirmation.
      new ServiceProcess("three-setup", settings).start().close();
      try (var s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO letters (id, slug, status, original_language, moderation_policy,"
                + " created_at, updated_at, collation_version)"
                + " SELECT gen_random_uuid(), '"
                + slug
                + "', 'OPEN', original_language, 'PUBLISH_ON_CONFIRMATION', now(), now(),"
                + " collation_version FROM letters WHERE slug = '"
                + Faults.SLUG
                + "' ON CONFLICT DO NOTHING");
        s.executeUpdate(
            "INSERT INTO letter_translations (id, letter_id, language, text_version, title,"
                + " recipients, paragraphs, closing, count_sentence, created_at)"
                + " SELECT gen_random_uuid(), (SELECT id FROM letters WHERE slug = '"
                + slug
                + "'), t.language, t.text_version, t.title, t.recipients, t.paragraphs,"
                + " t.closing, t.count_sentence, now()"
                + " FROM letter_translations t JOIN letters l ON l.id = t.letter_id"
                + " WHERE l.slug = '"
                + Faults.SLUG
                + "' AND NOT EXISTS (SELECT 1 FROM letter_translations x JOIN letters y ON"
                + " y.id = x.letter_id WHERE y.slug = '"
                + slug
                + "')");
      }
    }
    List<ServiceProcess> instances = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        instances.add(new ServiceProcess("instance-" + i, settings).start());
      }
      // Twelve signers of one organisation, through the three instances.
      List<String> emails = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String email = newEmail();
        emails.add(email);
        HttpResponse<String> r =
            post(
                instances.get(i % 3).baseUrl() + "/api/v1/letters/" + slug + "/endorsements",
                Faults.submission("Concurrent Coalition Org", email));
        assertEquals(202, r.statusCode(), r.body());
      }
      await(
          Duration.ofSeconds(60),
          "every confirmation e-mail arrived",
          () -> emails.stream().allMatch(e -> !Faults.messagesTo(mail, e).isEmpty()));
      // Every signer confirms at once, through all instances.
      ExecutorService pool = Executors.newFixedThreadPool(12);
      List<Future<Integer>> confirmations = new ArrayList<>();
      for (int i = 0; i < emails.size(); i++) {
        String token = Mails.read(Faults.messagesTo(mail, emails.get(i)).get(0)).token();
        ServiceProcess via = instances.get(i % 3);
        confirmations.add(
            pool.submit(
                () ->
                    post(via.baseUrl() + "/api/v1/confirmations", "{\"token\":\"" + token + "\"}")
                        .statusCode()));
      }
      for (Future<Integer> f : confirmations) {
        assertEquals(200, f.get(60, TimeUnit.SECONDS));
      }
      pool.shutdown();
      Thread.sleep(3_000); // time for a duplicate e-mail to show
      for (String email : emails) {
        // Each confirmed signer is also sent its domain challenge: count the confirmation links.
        assertEquals(
            1,
            Faults.messagesTo(mail, email).stream()
                .filter(m -> Mails.read(m).text().contains("/confirm?token="))
                .count(),
            "one confirmation e-mail per signer, never two");
      }
      try (Connection c = Faults.database();
          var s =
              c.prepareStatement(
                  "SELECT count(*) FROM endorsements e JOIN letters l ON l.id = e.letter_id"
                      + " WHERE l.slug = ? AND e.status = 'PUBLISHED'")) {
        s.setString(1, slug);
        try (ResultSet rows = s.executeQuery()) {
          rows.next();
          assertEquals(1, rows.getInt(1), "one organisation, one publication");
        }
      }
      HttpResponse<String> counts =
          get(instances.get(2).baseUrl() + "/api/v1/letters/" + slug + "/counts");
      assertTrue(counts.body().contains("\"total\":1"), counts.body());
    } finally {
      for (ServiceProcess instance : instances) {
        instance.close();
      }
      mail.stop();
    }
  }

  @Test
  void overloadIsShedWith503AndRetryAfterAndHealthStaysAnswerable() throws Exception {
    int smtpPort = Faults.freePort();
    GreenMail mail = Faults.smtp(smtpPort);
    Map<String, String> settings = Faults.settings(Faults.POSTGRES_PORT, smtpPort);
    settings.put("undersigned.http.max-in-flight", "4");
    try (ServiceProcess service = new ServiceProcess("overload", settings).start()) {
      ExecutorService pool = Executors.newFixedThreadPool(64);
      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < 640; i++) {
        running.add(
            pool.submit(
                () -> {
                  HttpResponse<String> r = sign(service, "Overload Org", newEmail());
                  statuses
                      .computeIfAbsent(r.statusCode(), k -> new AtomicInteger())
                      .incrementAndGet();
                  if (r.statusCode() == 503
                      && (r.headers().firstValue("Retry-After").isEmpty()
                          || !r.body().contains("service-unavailable"))) {
                    wrong.add(r.body());
                  }
                  return null;
                }));
      }
      int healthy = 0;
      while (running.stream().anyMatch(f -> !f.isDone())) {
        if (get(service.managementUrl() + "/q/health/live").statusCode() == 200) {
          healthy++;
        }
      }
      pool.shutdown();
      for (Future<?> f : running) {
        f.get();
      }
      assertTrue(statuses.containsKey(503), "load was shed: " + statuses);
      assertEquals(Set.of(202, 503), statuses.keySet(), "nothing but 202 and 503: " + statuses);
      assertTrue(wrong.isEmpty(), "every 503 is a problem with Retry-After");
      assertTrue(healthy > 0, "health answered during the burst");
      assertEquals(202, sign(service, "After Overload Org", newEmail()).statusCode());
    } finally {
      mail.stop();
    }
  }
}
