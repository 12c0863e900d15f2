package org.undersigned.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The service's own settings, under the prefix {@code undersigned}; each one is in
 * src/docs/operations.md.
 *
 * <p>Over 300 lines because it is every setting with its documentation, one place to read them all.
 */
@ConfigMapping(prefix = "undersigned")
public interface UndersignedConfig {

  /** Loading of the bundled letter. */
  Seed seed();

  /** Caching of public reads. */
  Http http();

  /** Links sent by e-mail. */
  Links links();

  /** Secrets sent by e-mail. */
  Tokens tokens();

  /** The transactional outbox and its worker. */
  Outbox outbox();

  /** The public log of each letter's signatures. */
  Log log();

  /** Organisations proving that they control their website's domain. */
  Verification verification();

  /** Domain verification (design: verification.md). */
  interface Verification {
    /**
     * The DNS servers asked, host:port (port 53 if omitted); none: the system's resolvers. Tests
     * and closed networks name theirs; a loopback server is allowed in every profile.
     */
    Optional<List<String>> dnsServers();

    /** How long one DNS query waits for its answer (a check asks each server once). */
    @WithDefault("3S")
    Duration timeout();

    /** How often a verified domain's record is looked up again; once missed, it stops counting. */
    @WithDefault("P1D")
    Duration recheckInterval();
  }

  /** The public log (C2SP signed-note key, tlog-tiles). */
  interface Log {
    /**
     * The key that signs the checkpoints, a signer key in the note format of Go's {@code
     * golang.org/x/mod/sumdb/note} ({@code PRIVATE+KEY+<name>+<hash>+<base64>}); none: no log is
     * kept. Dev and test ship public ones. During a key rotation, two separated by a comma, the new
     * first: each checkpoint carries both signatures and the letters name the first.
     */
    java.util.Optional<java.util.List<String>> signingKey();
  }

  /** Idempotency keys of writes. */
  Idempotency idempotency();

  /** Links sent by e-mail. */
  interface Links {
    /**
     * Base of the confirmation and withdrawal links ({@code {base}/confirm?token=…}); a partner can
     * point it at its own pages, which then POST the token to the API.
     */
    @WithDefault("http://localhost:8080")
    String baseUrl();
  }

  /** Secrets sent by e-mail. */
  interface Tokens {
    /** How long a confirmation or withdrawal link works. */
    @WithDefault("P7D")
    Duration ttl();
  }

  /** The transactional outbox and its worker. */
  interface Outbox {
    /**
     * How often the worker looks for due messages when nothing wakes it: a message committed by
     * this instance wakes it at once; one committed by another instance, or come due after a wait,
     * is found by this poll.
     */
    @WithDefault("1S")
    Duration pollInterval();

    /** How many due messages the worker claims at once, at most. */
    @WithDefault("64")
    int batchSize();

    /** How many messages are sent at once, each sender with its own connection to the server. */
    @WithDefault("8")
    int senders();

    /**
     * How long a claimed message is kept from every other worker: longer than a send can take (its
     * eight steps, each bounded by {@code quarkus.mailer.timeout}). A worker that dies (kill -9)
     * leaves the messages it held to be sent once this has passed, again for one sent but not yet
     * recorded.
     */
    @WithDefault("2M")
    Duration lease();

    /** At most this many e-mails at once to one receiving domain (from this instance). */
    @WithDefault("4")
    int perDomainConnections();

    /**
     * At most this many e-mails a second to one receiving domain (from this instance); 0: no cap.
     */
    @WithDefault("100")
    int perDomainPerSecond();

    /** E-mails sent over one connection before it is closed and another opened. */
    @WithDefault("100")
    int mailsPerConnection();

    /**
     * When sends have failed for this long without one success, the mail client is rebuilt; after
     * twice this long, the liveness check says DOWN, so that an orchestrator restarts the instance.
     */
    @WithDefault("2M")
    Duration stallAfter();

    /** A warning is logged (once a minute at most) while more messages than this wait. */
    @WithDefault("1000")
    int backlogWarning();

    /** The wait before the first retry of a failed send; it doubles at each failure. */
    @WithDefault("10S")
    Duration retryInitial();

    /** The longest wait between two retries. */
    @WithDefault("PT30M")
    Duration retryMax();
  }

  /** Idempotency keys of writes. */
  interface Idempotency {
    /** How long the answer to an Idempotency-Key is kept. */
    @WithDefault("PT24H")
    Duration ttl();
  }

  /** Partner sites. */
  Partners partners();

  /** Webhooks to integrators. */
  Webhooks webhooks();

  /** Throttling of submissions and withdrawal requests, shared by every instance. */
  RateLimit rateLimit();

  /** How long personal data is kept. */
  Retention retention();

  /** Keys that seal personal data at rest. */
  Crypto crypto();

  /**
   * Keys that seal personal data at rest (see src/docs/guarantees.md: generating and rotating
   * them).
   */
  interface Crypto {
    /**
     * AES-256 keys in base64 ({@code openssl rand -base64 32}), comma-separated, the newest first:
     * it seals every write; the others only open what they sealed until the resealing at start has
     * moved it to the newest. No default: the service does not start without one.
     */
    List<String> keys();

    /** The HMAC-SHA-256 key (32 bytes, base64) of the look-up hashes of e-mails and names. */
    String hashKey();
  }

  /** How long personal data is kept. */
  interface Retention {
    /**
     * How long after a letter stops taking signatures its endorsements' contact data (and the names
     * of its anonymous endorsements) are kept before they are erased.
     */
    @WithDefault("P180D")
    Duration afterClose();
  }

  /** Throttling of submissions and withdrawal requests. */
  interface RateLimit {
    /**
     * Submissions (and, separately, withdrawal requests) per window from one client address (an
     * IPv4 address, an IPv6 /64). The only limit a caller is told of (429).
     */
    @WithDefault("30")
    int perAddress();

    /**
     * E-mails one address can be sent per window (confirmation and withdrawal links together).
     * Beyond, the mail is silently not sent: no answer tells.
     */
    @WithDefault("3")
    int perEmail();

    /** E-mails one address can be sent per day, likewise silent. */
    @WithDefault("6")
    int mailsPerEmailPerDay();

    /**
     * Confirmation e-mails per window to the addresses of one domain (a burst from one domain);
     * beyond, they wait for the next window.
     */
    @WithDefault("100")
    int perDomain();

    /**
     * Confirmation e-mails per hour from this service, to anyone: what an attacker with many client
     * addresses can make it send to addresses of their choosing. Beyond, they wait for the next
     * hour.
     */
    @WithDefault("50000")
    int confirmationMailsPerHour();

    /** The window the limits count in. */
    @WithDefault("PT1H")
    Duration window();
  }

  /** Webhooks to integrators. */
  interface Webhooks {
    /** Attempts of one delivery before it is marked failed. */
    @WithDefault("12")
    int maxAttempts();

    /**
     * Whether endpoints on this machine may be plain http (for tests and local development); in
     * production every endpoint must be https.
     */
    @WithDefault("false")
    boolean allowLocalHttp();
  }

  /** Partner sites: who may call the API from a browser, and who may be named as a source. */
  interface Partners {
    /**
     * The origins (scheme, host and port, such as {@code https://www.partner.example}) whose pages
     * may call the public API from the browser (CORS). None by default.
     */
    Optional<List<String>> origins();

    /**
     * The partners a submission may name as its {@code source} (short ids such as {@code
     * amnesty-fr}), counted for the coalition. None by default.
     */
    Optional<List<String>> ids();

    /**
     * In the list of countries, a country with fewer named signatories than this is counted under
     * {@code other} rather than named (so that a lone signatory's country does not point at it). 1
     * (the default): every country is named.
     */
    @WithDefault("1")
    int countriesMinimum();
  }

  /** Settings of the bundled letter's loading. */
  interface Seed {
    /** Whether the bundled letter is loaded on first start against an empty database. */
    @WithDefault("true")
    boolean enabled();
  }

  /** Settings of the public HTTP answers. */
  interface Http {
    /** How long browsers, partner pages and CDNs may keep a public read before revalidating. */
    @WithDefault("30S")
    Duration maxAge();

    /** How long the counts may be cached: they must stay fresh within a few seconds. */
    @WithDefault("5S")
    Duration countsMaxAge();

    /**
     * The largest request body taken, in bytes; larger ones get a 413 problem before any of it is
     * read. (quarkus.http.limits.max-body-size, larger, is the backstop for bodies sent without a
     * Content-Length.)
     */
    @WithDefault("16384")
    int maxBodyBytes();

    /** The largest body of an import of endorsements, in bytes. */
    @WithDefault("8388608")
    int maxImportBytes();

    /**
     * How long a rendering of a public read (letter, counts, list) is reused before it is made
     * again; a write of this instance makes it anew at once, another instance's within this time.
     */
    @WithDefault("1S")
    Duration renderCache();

    /**
     * Requests the service works on at once; beyond, it answers 503 with Retry-After at once rather
     * than queue (health and metrics are never refused).
     */
    @WithDefault("128")
    int maxInFlight();
  }
}
