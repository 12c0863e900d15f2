package org.undersigned.tlog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.undersigned.testing.Contract.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.Mails;
import org.undersigned.testing.Smtp;
import org.undersigned.testing.TestLetters;

/**
 * The log as a reader checks it, over HTTP: the checkpoint's signature with the test verifier key
 * (made by OpenSSL, not by us), the entries and the tiles as tlog-tiles serves them, the root
 * recomputed from the tile, the counts recomputed from the entries, a withdrawal appended as an
 * ending while the earlier tree stays a prefix; nothing in an anonymous entry but its commitment.
 */
@QuarkusTest
@QuarkusTestResource(Smtp.class)
class PublicLogTest {

  static final String VERIFIER =
      "undersigned.test+863b6aa6+AYP1xh31gsTsynlqqvAFh6qrrIAx3W7n17K2kpfkvZ/P";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TestLetters fixtures;

  private static Checkpoint awaitCheckpoint(String base, long size) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      var response = given().get(base + "checkpoint");
      if (response.statusCode() == 200) {
        Checkpoint checkpoint = Checkpoint.open(response.asString(), NoteKey.verifier(VERIFIER));
        if (checkpoint.size() >= size || System.nanoTime() > deadline) {
          return checkpoint;
        }
      } else if (System.nanoTime() > deadline) {
        throw new AssertionError("No checkpoint: " + response.statusCode());
      }
      Thread.sleep(200);
    }
  }

  static List<byte[]> bundle(byte[] bytes) {
    List<byte[]> entries = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      byte[] entry = new byte[buffer.getShort() & 0xffff];
      buffer.get(entry);
      entries.add(entry);
    }
    return entries;
  }

  private static List<byte[]> hashes(byte[] tile) {
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < tile.length; i += 32) {
      hashes.add(Arrays.copyOfRange(tile, i, i + 32));
    }
    return hashes;
  }

  /** SHA-256 of the parts one after the other, lowercase hex: what a reader computes. */
  private static String sha256Hex(byte[]... parts) throws Exception {
    java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
    for (byte[] part : parts) {
      sha256.update(part);
    }
    return java.util.HexFormat.of().formatHex(sha256.digest());
  }

  private static byte[] bytes(String path) {
    return given().get(path).then().statusCode(200).extract().asByteArray();
  }

  @Test
  void theTestKeyIsTheOneOpenSslMade() {
    NoteKey signer =
        NoteKey.signer(
            "PRIVATE+KEY+undersigned.test+863b6aa6+AXLyQmkO1jdqP09xz2Cr4DF1YD0khlvfsy8a+7eO9GBS");
    assertEquals(VERIFIER, signer.verifierKey());
  }

  @Test
  void aReaderChecksTheLogAgainstTheSignatureTheTilesAndTheCounts() throws Exception {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    fixtures.published(letter, "Logged Named Org A", false);
    Endorsement b = fixtures.published(letter, "Logged Named Org B", false);
    Endorsement hiddenOne = fixtures.published(letter, "Logged Hidden Org", true);
    String base = "/api/v1/letters/" + letter.slug + "/log/";

    Checkpoint first = awaitCheckpoint(base, 4);
    assertEquals(4, first.size());
    assertEquals("localhost:8080/api/v1/letters/" + letter.slug + "/log", first.origin());

    List<byte[]> entries = bundle(bytes(base + "tile/entries/000.p/4"));
    assertEquals(4, entries.size());
    JsonNode text = JSON.readTree(entries.get(0));
    assertEquals("text", text.get("event").asText());
    assertEquals("en", text.get("language").asText());
    JsonNode named = JSON.readTree(entries.get(1));
    assertEquals("published", named.get("event").asText());
    assertFalse(named.get("anonymous").asBoolean());
    assertEquals("ORGANISATION", named.get("kind").asText());
    assertEquals("FR", named.get("country").asText());
    assertTrue(named.get("commitment").asText().matches("[0-9a-f]{64}"));
    JsonNode hidden = JSON.readTree(entries.get(3));
    assertEquals(
        List.of("anonymous", "commitment", "event"),
        com.google.common.collect.ImmutableList.copyOf(hidden.fieldNames()),
        "an anonymous entry carries nothing but its commitment");
    assertTrue(hidden.get("anonymous").asBoolean());
    // Canonical JSON: the members sorted, no white space.
    assertTrue(
        new String(entries.get(3), StandardCharsets.UTF_8)
            .matches(
                "\\{\"anonymous\":true,\"commitment\":\"[0-9a-f]{64}\",\"event\":\"published\"}"));

    // The letter announces its log; a named signatory's public proof opens its entry.
    JsonNode link =
        JSON.readTree(api().get("/api/v1/letters/" + letter.slug).asString()).get("log");
    assertEquals("http://localhost:8080" + base, link.get("url").asText());
    assertEquals(first.origin(), link.get("origin").asText());
    assertEquals(VERIFIER, link.get("key").asText());
    JsonNode proof =
        JSON.readTree(
                api().get("/api/v1/letters/" + letter.slug + "/signatories/" + b.id).asString())
            .get("log");
    assertEquals(2, proof.get("index").asInt());
    assertEquals(
        JSON.readTree(entries.get(2)).get("commitment").asText(),
        sha256Hex(
            java.util.HexFormat.of().parseHex(proof.get("salt").asText()),
            "Logged Named Org B".getBytes(StandardCharsets.UTF_8)));

    // The anonymous signatory alone is mailed its index and salt: they open its entry.
    String receipt =
        Mails.read(
                Smtp.awaitMessagesTo(
                        fixtures.find(hiddenOne.id).contactEmail,
                        1,
                        java.time.Duration.ofSeconds(30))
                    .get(0))
            .text();
    java.util.regex.Matcher index =
        java.util.regex.Pattern.compile("Entry index: ([0-9]+)").matcher(receipt);
    java.util.regex.Matcher salt =
        java.util.regex.Pattern.compile("Salt: ([0-9a-f]{64})").matcher(receipt);
    assertTrue(index.find() && salt.find(), receipt);
    assertEquals(3, Integer.parseInt(index.group(1)));
    assertEquals(
        hidden.get("commitment").asText(),
        sha256Hex(
            java.util.HexFormat.of().parseHex(salt.group(1)),
            "Logged Hidden Org".getBytes(StandardCharsets.UTF_8)));

    List<byte[]> leaves = hashes(bytes(base + "tile/0/000.p/4"));
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(Merkle.leafHash(entries.get(i)), leaves.get(i));
    }
    assertArrayEquals(first.root(), Merkle.root(leaves, 4), "the tile rebuilds the signed root");

    // The named signatory B withdraws, by the link it is mailed.
    String email = fixtures.find(b.id).contactEmail;
    api()
        .contentType("application/json")
        .body(Map.of("email", email))
        .post("/api/v1/letters/" + letter.slug + "/withdrawal-requests")
        .then()
        .statusCode(202);
    api()
        .contentType("application/json")
        .body(Map.of("token", Mails.awaitOne(email).token()))
        .post("/api/v1/withdrawals")
        .then()
        .statusCode(200);
    Checkpoint second = awaitCheckpoint(base, 5);
    assertEquals(5, second.size());
    entries = bundle(bytes(base + "tile/entries/000.p/5"));
    assertEquals(
        "{\"anonymous\":false,\"event\":\"withdrawn\",\"index\":2}",
        new String(entries.get(4), StandardCharsets.UTF_8));
    leaves = hashes(bytes(base + "tile/0/000.p/5"));
    assertArrayEquals(second.root(), Merkle.root(leaves, 5));
    assertTrue(
        Merkle.verifyConsistency(
            4, 5, first.root(), second.root(), Merkle.consistencyProof(leaves, 4, 5)),
        "the first tree is a prefix of the second");

    // The counts, recomputed from the entries: publications minus endings.
    int total = 0;
    int anonymous = 0;
    for (byte[] entry : entries) {
      JsonNode e = JSON.readTree(entry);
      int sign =
          switch (e.get("event").asText()) {
            case "published" -> 1;
            case "withdrawn", "removed" -> -1;
            default -> 0;
          };
      total += sign;
      anonymous += e.get("anonymous") != null && e.get("anonymous").asBoolean() ? sign : 0;
    }
    JsonNode counts =
        JSON.readTree(given().get("/api/v1/letters/" + letter.slug + "/counts").asString());
    assertEquals(counts.get("total").asInt(), total);
    assertEquals(counts.get("anonymous").asInt(), anonymous);
    assertEquals(counts.get("named").asInt(), total - anonymous);
  }

  /**
   * A signatory that withdraws and asks for erasure, from the page its link opens: its salt, name
   * and contact go at once, its entry stays (an opaque commitment) followed by its withdrawal, and
   * the tree before is a prefix of the tree after.
   */
  @Test
  void aWithdrawalAskingForErasureLeavesAnOpaqueLeafAndNoSalt() throws Exception {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    Endorsement gone = fixtures.published(letter, "Erased Named Org Qvx", false);
    String email = fixtures.find(gone.id).contactEmail;
    String base = "/api/v1/letters/" + letter.slug + "/log/";
    Checkpoint before = awaitCheckpoint(base, 2);
    assertTrue(fixtures.hasLogSalt(gone.id));
    byte[] leafBefore = hashes(bytes(base + "tile/0/000.p/2")).get(1);

    api()
        .contentType("application/json")
        .body(Map.of("email", email))
        .post("/api/v1/letters/" + letter.slug + "/withdrawal-requests")
        .then()
        .statusCode(202);
    String token = Mails.awaitOne(email).token();
    given()
        .queryParam("token", token)
        .queryParam("lang", "en")
        .get("/withdraw")
        .then()
        .statusCode(200)
        .body(
            org.hamcrest.Matchers.containsString(
                "<input type=\"checkbox\" name=\"erase\" value=\"true\">"));
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("token", token)
        .formParam("lang", "en")
        .formParam("erase", "true")
        .post("/withdraw")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("Signature withdrawn"));

    assertFalse(fixtures.hasLogSalt(gone.id), "the salt is deleted at once");
    Endorsement erased = fixtures.find(gone.id);
    assertEquals(org.undersigned.endorsement.EndorsementStatus.WITHDRAWN, erased.status);
    assertTrue(erased.contactErasedAt != null && erased.name == null);
    for (String table : new String[] {"endorsements", "outbox", "idempotency_keys"}) {
      String rows = fixtures.tableAsText(table);
      assertFalse(rows.contains("Qvx"), table);
      assertFalse(rows.contains(email), table);
    }
    assertFalse(
        fixtures.tableAsText("outbox").contains(letter.id.toString()),
        "the withdrawal request's e-mail, which held the address's keyed hash");
    Checkpoint after = awaitCheckpoint(base, 3);
    assertEquals(3, after.size());
    List<byte[]> leaves = hashes(bytes(base + "tile/0/000.p/3"));
    assertArrayEquals(leafBefore, leaves.get(1), "the erased signatory's leaf stays");
    assertEquals(
        "{\"anonymous\":false,\"event\":\"withdrawn\",\"index\":1}",
        new String(bundle(bytes(base + "tile/entries/000.p/3")).get(2), StandardCharsets.UTF_8));
    assertTrue(
        Merkle.verifyConsistency(
            2, 3, before.root(), after.root(), Merkle.consistencyProof(leaves, 2, 3)),
        "nothing was rewritten");
    // The same token again: already used, as without erasure.
    api()
        .contentType("application/json")
        .body(Map.of("token", token, "erase", true))
        .post("/api/v1/withdrawals")
        .then()
        .statusCode(409);
  }

  /**
   * The bundled letter's seed, logged at the first start: its text version, then its 262 named
   * signatories, then its 39 anonymous ones.
   */
  @Test
  void theSeedIsLoggedTextThenNamedThenAnonymous() throws Exception {
    String base = "/api/v1/letters/" + TestLetters.BUNDLED + "/log/";
    awaitCheckpoint(base, 302);
    // A full tile: 256 hashes, immutable, the same bytes each time (kept once made).
    var full = given().get(base + "tile/0/000");
    full.then().statusCode(200).header("Cache-Control", "public, max-age=31536000, immutable");
    assertEquals(256 * 32, full.asByteArray().length);
    assertArrayEquals(full.asByteArray(), bytes(base + "tile/0/000"));
    List<byte[]> entries = new ArrayList<>(bundle(bytes(base + "tile/entries/000")));
    entries.addAll(bundle(bytes(base + "tile/entries/001.p/46")));
    assertEquals("text", JSON.readTree(entries.get(0)).get("event").asText());
    for (int i = 0; i < 256; i++) {
      assertArrayEquals(
          Merkle.leafHash(entries.get(i)),
          Arrays.copyOfRange(full.asByteArray(), i * 32, (i + 1) * 32));
    }
    for (int i = 1; i < 302; i++) {
      JsonNode e = JSON.readTree(entries.get(i));
      assertEquals("published", e.get("event").asText(), "entry " + i);
      assertEquals(i > 262, e.get("anonymous").asBoolean(), "entry " + i);
    }
  }

  @Test
  void tilesTheTreeDoesNotHaveAreProblems() {
    Letter letter = fixtures.letter(LetterStatus.OPEN, "en");
    String base = "/api/v1/letters/" + letter.slug + "/log/";
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (given().get(base + "checkpoint").statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    for (String path :
        new String[] {
          "tile/0/000",
          "tile/0/001.p/1",
          "tile/0/000.p/2",
          "tile/0/0",
          "tile/0/000.p/0",
          "tile/0/000.p/257",
          "tile/1/000.p/1",
          "tile/entries/000.p/9",
          "tile/99/000",
          "tile/0/x000/001.p/1",
          "tile/nothing",
          "tile/0/x999/x999/x999/x999/x999/999",
          "tile/entries/x999/x999/x999/x999/x999/999.p/1",
          "tile/0/x001/x001/x001/x001/x001/x001/001"
        }) {
      given().get(base + path).then().statusCode(404).contentType("application/problem+json");
    }
    // What is not a slug (a NUL, found by ContractFuzzTest) is no letter, not a 500.
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/letters/%00/log/tile/0/000.p/1")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get("/api/v1/letters/no-such-letter/log/checkpoint")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    assertEquals(200, given().get(base + "tile/0/000.p/1").statusCode());
    // An embargo hides the log as it hides the counts, even one set after the log began.
    fixtures.embargo(letter, java.time.Instant.now().plusSeconds(3600));
    given().get(base + "checkpoint").then().statusCode(404);
    given().get(base + "tile/0/000.p/1").then().statusCode(404);
  }
}
