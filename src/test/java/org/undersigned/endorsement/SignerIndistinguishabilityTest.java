package org.undersigned.endorsement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.letter.ModerationPolicy;
import org.undersigned.testing.Answers;
import org.undersigned.testing.BehindProxy;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Smtp;
import org.undersigned.testing.Submissions;
import org.undersigned.testing.TestLetters;

/**
 * The adversary: someone who wants to know whether an address, a name or a domain has signed, and
 * sends the same scripted requests about a target that signed (this hour, by name or anonymously)
 * and about one that never did. Each test plays both scripts side by side, a request of one then
 * the same request of the other, each from a client address of its own, and compares everything a
 * caller sees: statuses, headers (Retry-After to the second) and bodies (the shape of those that
 * carry a new id). Behind the trusted proxy of {@link BehindProxy}: three requests per client
 * address and window, four mails per address a day.
 */
@QuarkusTest
@TestProfile(BehindProxy.class)
@QuarkusTestResource(Smtp.class)
class SignerIndistinguishabilityTest {

  private static final AtomicInteger CLIENTS = new AtomicInteger(10);

  @Inject TestLetters fixtures;

  /** This test's own mail domain: the profile gives a domain six confirmation mails an hour. */
  private final String domain = Mails.newDomain();

  /** A client address no other script of this class uses. */
  private static String newClient() {
    int n = CLIENTS.incrementAndGet();
    // 198.18.0.0/15, the benchmarking range: room for 131,072 clients.
    return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 255) + "." + (n & 255);
  }

  /** Signs with this address through the API, then confirms with the mailed link. */
  private static String signAndConfirm(Letter letter, String name, String email, boolean anon) {
    return Submissions.confirmed(
            api().header("X-Forwarded-For", newClient()),
            letter.slug,
            Submissions.with(Submissions.valid(name, email), "anonymous", anon))
        .id();
  }

  /** What a caller sees of an answer; bodies that carry a fresh id are compared by shape. */
  private static Map<String, Object> seen(Response r) {
    Map<String, Object> seen = new TreeMap<>();
    seen.put("status", r.statusCode());
    Map<String, List<String>> headers = new TreeMap<>(Answers.headersButDate(r));
    headers.remove("content-length");
    seen.put("headers", headers);
    String body = r.asString();
    // Ids and fresh secrets (a domain challenge's value and check token) differ by nature.
    seen.put(
        "body",
        body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID")
            .replaceAll("[A-Za-z0-9_-]{43}", "SECRET"));
    return seen;
  }

  /**
   * Plays a script for two targets side by side and asserts the adversary saw the same thing.
   * Retry-After may differ by the second that passes between two requests, no more.
   */
  private static void sameForBoth(
      int requests,
      Function<Integer, Response> aboutSigner,
      Function<Integer, Response> aboutOther) {
    List<Map<String, Object>> signer = new ArrayList<>();
    List<Map<String, Object>> other = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      Map<String, Object> a = seen(aboutSigner.apply(i));
      Map<String, Object> b = seen(aboutOther.apply(i));
      retryAfterWithinASecond(a, b);
      signer.add(a);
      other.add(b);
    }
    assertEquals(other, signer);
  }

  @SuppressWarnings("unchecked")
  private static void retryAfterWithinASecond(Map<String, Object> a, Map<String, Object> b) {
    Map<String, List<String>> ha = (Map<String, List<String>>) a.get("headers");
    Map<String, List<String>> hb = (Map<String, List<String>>) b.get("headers");
    if (ha.containsKey("retry-after") && hb.containsKey("retry-after")) {
      long ra = Long.parseLong(ha.get("retry-after").get(0));
      long rb = Long.parseLong(hb.get("retry-after").get(0));
      assertTrue(Math.abs(ra - rb) <= 1, ra + " against " + rb);
      ha.put("retry-after", List.of("n"));
      hb.put("retry-after", List.of("n"));
    }
  }

  private static Response withdrawalRequest(String client, Letter letter, String email) {
    return api()
        .header("X-Forwarded-For", client)
        .contentType("application/json")
        .body(Map.of("email", email))
        .post("/api/v1/letters/" + letter.slug + "/withdrawal-requests");
  }

  private static Response submission(String client, Letter letter, String name, String email) {
    return api()
        .header("X-Forwarded-For", client)
        .contentType("application/json")
        .body(Submissions.valid(name, email))
        .post("/api/v1/letters/" + letter.slug + "/endorsements");
  }

  /**
   * Six withdrawal requests, three from each of two client addresses: the signer's address has
   * spent some of its mail budget this hour, the other none; neither shows.
   */
  @Test
  void withdrawalRequestsTellNothingOfANamedSignerThisHour() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String signer = Mails.newAddress(domain);
    signAndConfirm(letter, "Named Target Org", signer, false);
    String other = Mails.newAddress(domain);
    String[] clientsA = {newClient(), newClient()};
    String[] clientsB = {newClient(), newClient()};
    sameForBoth(
        8,
        i -> withdrawalRequest(clientsA[i / 4], letter, signer),
        i -> withdrawalRequest(clientsB[i / 4], letter, other));
  }

  @Test
  void withdrawalRequestsTellNothingOfAnAnonymousSigner() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String signer = Mails.newAddress(domain);
    signAndConfirm(letter, "Anonymous Target Org", signer, true);
    String other = Mails.newAddress(domain);
    String clientA = newClient();
    String clientB = newClient();
    sameForBoth(
        6,
        i -> withdrawalRequest(clientA, letter, signer),
        i -> withdrawalRequest(clientB, letter, other));
  }

  /** Submissions naming the signer's address answer as those naming a stranger's. */
  @Test
  void submissionsTellNothingOfWhetherTheAddressSigned() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String signer = Mails.newAddress(domain);
    signAndConfirm(letter, "Submitting Target Org", signer, false);
    String other = Mails.newAddress(domain);
    String[] clientsA = {newClient(), newClient()};
    String[] clientsB = {newClient(), newClient()};
    sameForBoth(
        8,
        i -> submission(clientsA[i / 4], letter, "Probe Org " + i, signer),
        i -> submission(clientsB[i / 4], letter, "Probe Org " + i, other));
  }

  /** Submitting a name that signed anonymously answers as submitting a new one. */
  @Test
  void submissionsTellNothingOfWhetherTheNameSignedAnonymously() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    signAndConfirm(letter, "Hidden Name Org", Mails.newAddress(domain), true);
    String clientA = newClient();
    String clientB = newClient();
    sameForBoth(
        5,
        i -> submission(clientA, letter, "Hidden Name Org", Mails.newAddress(domain)),
        i -> submission(clientB, letter, "Never Signed Org", Mails.newAddress(domain)));
  }

  /** Probes of a domain where someone signed this hour answer as those of a fresh domain. */
  @Test
  void submissionsTellNothingOfWhetherSomeoneAtTheDomainSigned() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String domainWithSigner = "signed-" + System.nanoTime() + ".example";
    String freshDomain = "fresh-" + System.nanoTime() + ".example";
    signAndConfirm(letter, "Domain Target Org", Mails.newAddress(domainWithSigner), false);
    String clientA = newClient();
    String clientB = newClient();
    sameForBoth(
        5,
        i -> submission(clientA, letter, "Domain Probe " + i, Mails.newAddress(domainWithSigner)),
        i -> submission(clientB, letter, "Domain Probe " + i, Mails.newAddress(freshDomain)));
  }

  /**
   * On a letter that publishes on confirmation, under embargo (its list hidden): someone who
   * controls an address signs with a name that is already published and with one that is not, and
   * confirms both; the answers are the same.
   */
  @Test
  void confirmationsTellNothingOfWhetherTheNameIsAlreadyPublished() {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    fixtures.embargo(letter, java.time.Instant.now().plusSeconds(3600));
    fixtures.published(letter, "Already Listed Org", false);
    String mine = Mails.newAddress(domain);
    String alsoMine = Mails.newAddress(domain);
    List<Map<String, Object>> answers = new ArrayList<>();
    for (String[] attempt :
        new String[][] {{"Already Listed Org", mine}, {"Not Yet Listed Org", alsoMine}}) {
      submission(newClient(), letter, attempt[0], attempt[1]).then().statusCode(202);
      String token = Mails.awaitOne(attempt[1]).token();
      answers.add(
          seen(
              api()
                  .contentType("application/json")
                  .body(Map.of("token", token))
                  .post("/api/v1/confirmations")));
    }
    assertEquals(answers.get(1), answers.get(0));
    assertEquals(200, answers.get(0).get("status"));
    assertTrue(answers.get(0).get("body").toString().contains("PUBLISHED"), answers.toString());
  }

  /** The management interface's metrics, as numbers by series. */
  private static Map<String, Double> metrics() {
    String text =
        io.restassured.RestAssured.given()
            .port(
                org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("quarkus.management.test-port", Integer.class))
            .get("/q/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Map<String, Double> series = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      try {
        series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      } catch (NumberFormatException notANumber) {
        // A value Prometheus writes as NaN or +Inf carries nothing to compare.
      }
    }
    return series;
  }

  /** How each series moved between two scrapes (the ones that did). */
  private static Map<String, Double> moved(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> delta = new TreeMap<>();
    after.forEach(
        (name, value) -> {
          double d = value - before.getOrDefault(name, 0.0);
          if (d != 0) {
            delta.put(name, d);
          }
        });
    return delta;
  }

  /**
   * Series that move with the machine and the clock, whatever is asked: the JVM's memory, threads
   * and collections, the process's CPU and files, uptime, and durations (sums and maxima of
   * seconds). Every count (HTTP requests by route and status, connections, bytes, mail, the
   * database pool, the service's own) must move alike for a signer and a stranger.
   */
  private static boolean isAboutTheMachine(String series) {
    return series.startsWith("jvm_")
        || series.startsWith("process_")
        || series.startsWith("system_")
        || series.startsWith("netty_")
        || series.startsWith("worker_pool_")
        || series.contains("_seconds_sum")
        || series.contains("_duration_sum")
        || series.contains("_seconds_max")
        || series.contains("_seconds_bucket")
        || series.contains("uri=\"/q/metrics\"");
  }

  /**
   * The same script (three withdrawal requests) about a signer then about a stranger, with the
   * outbox given time to do whatever it does after each: no metric moves differently. (The signer
   * is mailed a link; the mail client's metrics would show it.)
   */
  @Test
  void noMetricMovesDifferentlyForASigner() throws Exception {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String signer = Mails.newAddress(domain);
    signAndConfirm(letter, "Metered Target Org", signer, false);
    String other = Mails.newAddress(domain);
    List<Map<String, Double>> deltas = new ArrayList<>();
    for (String target : new String[] {signer, other}) {
      Thread.sleep(2000);
      Map<String, Double> before = metrics();
      String client = newClient();
      for (int i = 0; i < 2; i++) {
        withdrawalRequest(client, letter, target).then().statusCode(202);
      }
      if (target.equals(signer)) {
        Mails.awaitLink(signer, "/withdraw");
      }
      Thread.sleep(2000);
      Map<String, Double> delta = moved(before, metrics());
      delta.keySet().removeIf(SignerIndistinguishabilityTest::isAboutTheMachine);
      deltas.add(delta);
    }
    assertEquals(deltas.get(1), deltas.get(0));
  }

  /**
   * Timing: the adversary times withdrawal requests and submissions about a signer and about a
   * stranger, alternately (so that drift in the machine's load falls on both alike), and compares
   * the two samples with a Mann-Whitney U test. The work is the same whoever is named, so the two
   * distributions must not differ beyond chance: the test fails at |z| > 4 (p < 0.0001). Measured
   * here with 150 pairs: an extra query and 3 ms of work for a signer gives z = 7.3; the service as
   * it is, z within ±0.2.
   */
  @Test
  void answersTakeTheSameTimeForASignerAndAStranger() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String signer = Mails.newAddress(domain);
    signAndConfirm(letter, "Timed Target Org", signer, false);
    String other = Mails.newAddress(domain);
    int pairs = 150;
    // Warm the paths first: the first requests of a kind are slow whoever they name.
    for (int i = 0; i < 5; i++) {
      withdrawalRequest(newClient(), letter, Mails.newAddress(domain));
      submission(newClient(), letter, "Warm Org " + i, Mails.newAddress(domain));
    }
    // Withdrawal requests first: the stranger's address must not have submitted anything.
    for (String kind : new String[] {"withdrawal request", "submission"}) {
      double[] aboutSigner = new double[pairs];
      double[] aboutOther = new double[pairs];
      for (int i = 0; i < pairs; i++) {
        String name = "Timed Probe " + i;
        boolean signerFirst = i % 2 == 0;
        for (int turn = 0; turn < 2; turn++) {
          boolean forSigner = (turn == 0) == signerFirst;
          // The stranger never signed: a withdrawal request names the one address that never
          // did, a submission a new address each time (submitting is signing).
          String target =
              forSigner ? signer : kind.equals("submission") ? Mails.newAddress(domain) : other;
          // Timed around the exchange itself, without the contract's validation.
          io.restassured.specification.RequestSpecification request =
              io.restassured.RestAssured.given()
                  .header("X-Forwarded-For", newClient())
                  .contentType("application/json");
          String path = "/api/v1/letters/" + letter.slug;
          long started = System.nanoTime();
          int status =
              kind.equals("submission")
                  ? request
                      .body(Submissions.valid(name, target))
                      .post(path + "/endorsements")
                      .statusCode()
                  : request
                      .body(Map.of("email", target))
                      .post(path + "/withdrawal-requests")
                      .statusCode();
          (forSigner ? aboutSigner : aboutOther)[i] = System.nanoTime() - started;
          assertEquals(202, status);
        }
      }
      double z = mannWhitneyZ(aboutSigner, aboutOther);
      assertTrue(Math.abs(z) < 4, kind + ": the times differ (z = " + z + ")");
    }
  }

  /** The normal approximation of the Mann-Whitney U statistic of two samples (ties averaged). */
  static double mannWhitneyZ(double[] a, double[] b) {
    int n = a.length + b.length;
    double[][] all = new double[n][];
    for (int i = 0; i < a.length; i++) {
      all[i] = new double[] {a[i], 0};
    }
    for (int i = 0; i < b.length; i++) {
      all[a.length + i] = new double[] {b[i], 1};
    }
    java.util.Arrays.sort(all, java.util.Comparator.comparingDouble(x -> x[0]));
    double rankSumA = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && all[j + 1][0] == all[i][0]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (all[k][1] == 0) {
          rankSumA += rank;
        }
      }
      i = j + 1;
    }
    double u = rankSumA - a.length * (a.length + 1) / 2.0;
    double mean = a.length * b.length / 2.0;
    double sd = Math.sqrt(a.length * b.length * (n + 1) / 12.0);
    return (u - mean) / sd;
  }

  /** Such a letter takes no anonymous signature: it could not keep it anonymous. */
  @Test
  void aLetterThatPublishesOnConfirmationRefusesAnonymousSignatures() {
    Letter letter =
        fixtures.letter(LetterStatus.OPEN, ModerationPolicy.PUBLISH_ON_CONFIRMATION, "en");
    api()
        .header("X-Forwarded-For", newClient())
        .contentType("application/json")
        .body(
            Submissions.with(
                Submissions.valid("Would Be Hidden Org", Mails.newAddress(domain)),
                "anonymous",
                true))
        .post("/api/v1/letters/" + letter.slug + "/endorsements")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.hasItem("anonymous"));
  }
}
