package org.undersigned.tlog;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.common.problem.ProblemType;

/**
 * A letter's log as C2SP tlog-tiles says: {@code checkpoint}, {@code tile/<L>/<N>[.p/<W>]} and
 * {@code tile/entries/<N>[.p/<W>]} under {@code /api/v1/letters/{slug}/log/}. Full tiles never
 * change and are served as immutable; partial ones and the checkpoint are fresh for a few seconds.
 */
@Path("/api/v1/letters/{slug}/log")
@Tag(name = "Letters")
public class LogResource {

  private static final Pattern TILE =
      Pattern.compile("(entries|[0-9]{1,2})/((?:x[0-9]{3}/){0,5}[0-9]{3})(?:\\.p/([0-9]{1,3}))?");
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String FRESH = "public, max-age=5";

  /**
   * A tile's bytes never change for its path (a partial tile's path names its width): each is made
   * once and kept in memory (8 MB at most, the least used go first), so that asking again for a
   * tile costly to make (a level-1 tile hashes 65,536 leaves) costs nothing.
   */
  private static final com.google.common.cache.Cache<String, byte[]> TILES =
      com.google.common.cache.CacheBuilder.newBuilder()
          .maximumWeight(8L << 20)
          .<String, byte[]>weigher((key, bytes) -> bytes.length + key.length())
          .build();

  private final PublicLog log;

  public LogResource(PublicLog log) {
    this.log = log;
  }

  @GET
  @Path("checkpoint")
  @Produces("text/plain; charset=utf-8")
  @Operation(
      operationId = "getLogCheckpoint",
      summary = "Read the log's signed checkpoint",
      description =
          "The letter's log head as C2SP tlog-checkpoint: the origin line, the tree size, the"
              + " base64 root hash, a blank line, then the signature (C2SP signed-note, Ed25519)"
              + " by the key the letter's `log.key` names.")
  @APIResponse(
      responseCode = "200",
      description = "The signed checkpoint.",
      headers = @Header(ref = "Cache-Control"),
      content =
          @Content(
              mediaType = "text/plain; charset=utf-8",
              schema = @Schema(type = SchemaType.STRING, maxLength = 4096),
              examples =
                  @ExampleObject(
                      name = "Checkpoint",
                      value =
                          "undersigned.example/api/v1/letters/un-china-human-rights/log\n302\n"
                              + "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n"
                              + "\u2014 undersigned.test hjtqpraZZVPNsuD46QY5nA+ufO9PFWUCKYRHjP7Vo8I06"
                              + "RdJEiP/uZKqe1Gior59HpS5hljnWuazWEQJBTr4b3cdsAg=\n")))
  @APIResponse(ref = "NotFound")
  @APIResponse(ref = "NotAcceptable")
  @Transactional
  public Response checkpoint(@Parameter(ref = "slug") @PathParam("slug") String slug) {
    PublicLog.Head head = log.head(slug).orElseThrow(LogResource::notFound);
    return Response.ok(head.checkpoint()).header("Cache-Control", FRESH).build();
  }

  @GET
  @Path("tile/{tile: .+}")
  @Produces("application/octet-stream")
  @Operation(
      operationId = "getLogTile",
      summary = "Read a tile or an entry bundle of the log",
      description =
          "C2SP tlog-tiles, tile height 8: `<L>/<N>` is tile N of level L, the 256 hashes (32"
              + " bytes each) of the tree's level 8L from 256N; `entries/<N>` the entries"
              + " themselves, each after its length as a big-endian uint16. N is written in"
              + " path elements of three digits, all but the last after an `x` (`x001/x234/067`);"
              + " `.p/<W>` asks for the first W of a tile not full yet. Full tiles never change.")
  @APIResponse(
      responseCode = "200",
      description = "The tile's bytes.",
      headers = @Header(ref = "Cache-Control"),
      content =
          @Content(
              mediaType = "application/octet-stream",
              schema =
                  @Schema(type = SchemaType.STRING, format = "binary", maxLength = 16_777_216)))
  @APIResponse(ref = "NotFound")
  @APIResponse(ref = "NotAcceptable")
  @Transactional
  public Response tile(
      @Parameter(ref = "slug") @PathParam("slug") String slug,
      @Parameter(
              description =
                  "The tile's path after `tile/`: `<L>/<N>[.p/<W>]` or `entries/<N>[.p/<W>]`,"
                      + " its slashes sent as they are (tlog-tiles paths, not one escaped"
                      + " segment).",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      maxLength = 64,
                      pattern =
                          "^(entries|[0-9]{1,2})/(x[0-9]{3}/){0,5}[0-9]{3}(\\.p/[0-9]{1,3})?$"),
              example = "0/x001/234.p/7")
          @PathParam("tile")
          String tile) {
    Matcher m = TILE.matcher(tile);
    if (!m.matches()) {
      throw notFound();
    }
    long index = Long.parseLong(m.group(2).replace("x", "").replace("/", ""));
    int width = m.group(3) == null ? Tiles.WIDTH : Integer.parseInt(m.group(3));
    // The path must be the one the specification writes (no other spelling of the same tile).
    boolean entries = m.group(1).equals("entries");
    int level = entries ? 0 : Integer.parseInt(m.group(1));
    if (width < 1
        || width > Tiles.WIDTH
        || !tile.equals(
            entries
                ? Tiles.entriesPath(index, width).substring("tile/".length())
                : Tiles.path(level, index, width).substring("tile/".length()))) {
      throw notFound();
    }
    PublicLog.Head head = log.head(slug).orElseThrow(LogResource::notFound);
    int height = Tiles.HEIGHT * level;
    if (height >= 63) {
      throw notFound();
    }
    long available = head.size() >> height;
    // (An index beyond any tree is refused before it is multiplied.)
    if (index > available / Tiles.WIDTH || index * Tiles.WIDTH + width > available) {
      throw notFound();
    }
    long from = index * Tiles.WIDTH;
    String cacheControl = width == Tiles.WIDTH ? IMMUTABLE : FRESH;
    String cacheKey = head.letterId() + "/" + tile;
    byte[] kept = TILES.getIfPresent(cacheKey);
    if (kept != null) {
      return Response.ok(kept).header("Cache-Control", cacheControl).build();
    }
    byte[] body;
    if (entries) {
      body = Tiles.bundle(log.entries(head.letterId(), from, from + width));
    } else {
      long span = 1L << height;
      List<byte[]> leaves = log.leafHashes(head.letterId(), from * span, (from + width) * span);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(width * 32);
      for (int i = 0; i < width; i++) {
        out.writeBytes(Merkle.root(leaves, (int) (i * span), (int) ((i + 1) * span)));
      }
      body = out.toByteArray();
    }
    TILES.put(cacheKey, body);
    return Response.ok(body).header("Cache-Control", cacheControl).build();
  }

  private static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND);
  }
}
