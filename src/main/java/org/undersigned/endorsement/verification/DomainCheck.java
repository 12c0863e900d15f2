package org.undersigned.endorsement.verification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of looking a domain's TXT record up. */
@Schema(name = "DomainCheck", description = "The outcome of looking the domain's record up now.")
public record DomainCheck(
    @Schema(required = true, examples = "amnesty.org", maxLength = 253) String domain,
    @Schema(required = true, description = "Whether the record is there, with the right value.")
        boolean verified,
    @Schema(required = true, examples = "DOMAIN_DNS") Method method,
    @Schema(
            required = true,
            implementation = String.class,
            format = "date-time",
            examples = "2026-11-30T16:20:00Z")
        Instant checkedAt,
    @Schema(description = "Why it did not verify; absent when it did.", examples = "RECORD_MISSING")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Reason reason,
    @Schema(
            description = "The reason in words, in the caller's language; absent when it verified.",
            examples = "No TXT record at _undersigned.amnesty.org yet.",
            maxLength = 300)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String detail) {

  /** How the domain is checked. */
  @Schema(name = "DomainCheckMethod")
  public enum Method {
    /** A TXT record at _undersigned.&lt;domain&gt;. */
    DOMAIN_DNS
  }

  /** Why a check did not verify. */
  @Schema(name = "DomainCheckReason")
  public enum Reason {
    /** The name holds no TXT record. */
    RECORD_MISSING,
    /** TXT records are there, none with the value asked for. */
    RECORD_WRONG,
    /** The name does not exist (NXDOMAIN). */
    DOMAIN_NOT_FOUND,
    /** The DNS answered with an error (SERVFAIL or the like). */
    DNS_FAILED,
    /** The DNS did not answer in time. */
    DNS_NO_ANSWER;

    /** Whether it says the record is not there (rather than that the DNS could not tell). */
    boolean definite() {
      return this == RECORD_MISSING || this == RECORD_WRONG || this == DOMAIN_NOT_FOUND;
    }
  }
}
