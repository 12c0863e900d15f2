package org.undersigned.tlog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.endorsement.Endorsement;
import org.undersigned.letter.Letter;
import org.undersigned.letter.LetterStatus;
import org.undersigned.testing.IndependentLogVerifier;
import org.undersigned.testing.KnownAddress;
import org.undersigned.testing.TestLetters;

/**
 * The log checked by verifiers that share no code with the service: one in the tests, written from
 * RFC 9162 and C2SP signed-note ({@link IndependentLogVerifier}), and the README's script for
 * journalists ({@code src/tools/verify-letter.py}: Python's standard library and OpenSSL). And
 * tampering is caught: a changed entry, a dropped entry, a checkpoint signed by another key.
 */
@QuarkusTest
@TestProfile(KnownAddress.class)
class LogVerifiedIndependentlyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TestLetters fixtures;

  private Letter letter;
  private Endorsement named;
  private JsonNode log;
  private String checkpoint;

  @BeforeEach
  void aLoggedLetter() throws Exception {
    letter = fixtures.letter(LetterStatus.OPEN, "en");
    named = fixtures.published(letter, "Zoë Verified Org", false);
    fixtures.published(letter, "Second Verified Org", false);
    fixtures.published(letter, "Hidden Verified Org", true);
    log =
        JSON.readTree(
                given().accept("application/json").get("/api/v1/letters/" + letter.slug).asString())
            .get("log");
    String base = "/api/v1/letters/" + letter.slug + "/log/";
    long deadline = System.nanoTime() + 30_000_000_000L;
    do {
      Thread.sleep(200);
      var response = given().get(base + "checkpoint");
      checkpoint = response.statusCode() == 200 ? response.asString() : null;
    } while ((checkpoint == null || !checkpoint.split("\n")[1].equals("4"))
        && System.nanoTime() < deadline);
    assertNotNull(checkpoint);
  }

  private List<byte[]> entries() {
    byte[] bundle =
        given()
            .get("/api/v1/letters/" + letter.slug + "/log/tile/entries/000.p/4")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    return PublicLogTest.bundle(bundle);
  }

  @Test
  void aVerifierOfItsOwnChecksTheSignatureAndTheTreeAndCatchesTampering() throws Exception {
    String key = log.get("key").asText();
    String text = IndependentLogVerifier.signedText(checkpoint, key);
    assertNotNull(text, "the checkpoint verifies with the letter's key");
    // In the middle of a key rotation: the letter names the new key, and a monitor still holding
    // the old one verifies the same checkpoint by the old key's line.
    assertEquals(org.undersigned.testing.KnownAddress.ROTATED_VERIFIER, key);
    assertEquals(text, IndependentLogVerifier.signedText(checkpoint, PublicLogTest.VERIFIER));
    String[] lines = text.split("\n");
    byte[] root = Base64.getDecoder().decode(lines[2]);
    List<byte[]> entries = entries();
    assertArrayEquals(root, IndependentLogVerifier.treeHash(entries));

    // A changed entry: an anonymous publication turned named.
    List<byte[]> changed = new ArrayList<>(entries);
    changed.set(
        3,
        new String(entries.get(3), StandardCharsets.UTF_8)
            .replace("\"anonymous\":true", "\"anonymous\":false")
            .getBytes(StandardCharsets.UTF_8));
    assertFalse(java.util.Arrays.equals(root, IndependentLogVerifier.treeHash(changed)));
    // A dropped entry.
    List<byte[]> dropped = new ArrayList<>(entries);
    dropped.remove(1);
    assertFalse(java.util.Arrays.equals(root, IndependentLogVerifier.treeHash(dropped)));
    // The same text signed by another key of the same name.
    NoteKey other = NoteKey.signer(NoteKey.generate("undersigned.test", new SecureRandom()));
    assertNull(IndependentLogVerifier.signedText(SignedNote.sign(text, other), key));
    // The text changed under the service's signature.
    assertNull(IndependentLogVerifier.signedText(checkpoint.replaceFirst("\n4\n", "\n3\n"), key));
  }

  @Test
  void theJournalistsScriptChecksTheLetterAndASignatorysProof() throws Exception {
    Assumptions.assumeTrue(
        onPath("python3") && onPath("openssl"), "python3 and openssl run the script");
    String url = "http://localhost:" + KnownAddress.PORT + "/api/v1/letters/" + letter.slug;
    Result plain = script(url);
    assertEquals(0, plain.status(), plain.output());
    assertTrue(plain.output().contains("signature verifies"), plain.output());
    assertTrue(plain.output().contains("they rebuild the signed root"), plain.output());
    assertTrue(
        plain.output().contains("counts from the log: total 3, named 2, anonymous 1"),
        plain.output());

    JsonNode proof =
        JSON.readTree(
                given()
                    .accept("application/json")
                    .get("/api/v1/letters/" + letter.slug + "/signatories/" + named.id)
                    .asString())
            .get("log");
    String index = proof.get("index").asText();
    String salt = proof.get("salt").asText();
    Result opened = script(url, "--name", "Zoë Verified Org", "--salt", salt, "--index", index);
    assertEquals(0, opened.status(), opened.output());
    assertTrue(opened.output().contains("entry " + index + ": the commitment"), opened.output());
    Result wrong = script(url, "--name", "Zoe Verified Org", "--salt", salt, "--index", index);
    assertTrue(wrong.status() != 0, wrong.output());
  }

  private record Result(int status, String output) {}

  private static Result script(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", "src/tools/verify-letter.py"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
