package org.undersigned.moderation.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A burst to find, and to reject unless only a preview is asked for. */
@Schema(
    name = "BurstRejection",
    description =
        "At least one of emailDomain, network, receivedFrom and receivedUntil; every one given must"
            + " hold. Without \"preview\": false nothing is changed.")
public record BurstRejectionBody(
    @Schema(
            description = "Contact e-mails in exactly this domain (not its subdomains).",
            examples = "mail-burst.example",
            maxLength = 253)
        @Size(max = 253)
        @Pattern(regexp = "^[^@\\s]+\\.[^@\\s]+$")
        String emailDomain,
    @Schema(
            description =
                "Submitted from this network, in CIDR notation. The service keeps the /24 of an"
                    + " IPv4 address and the /48 of an IPv6 one, so a range is at most that"
                    + " narrow.",
            examples = "203.0.113.0/24",
            maxLength = 50)
        @Size(max = 50)
        String network,
    @Schema(
            description = "Received at or after this instant.",
            implementation = String.class,
            format = "date-time",
            maxLength = 35,
            examples = "2026-11-28T09:00:00Z")
        Instant receivedFrom,
    @Schema(
            description = "Received before this instant.",
            implementation = String.class,
            format = "date-time",
            maxLength = 35,
            examples = "2026-11-28T10:00:00Z")
        Instant receivedUntil,
    @Schema(
            description = "Only count what would be rejected (the default); false rejects it.",
            defaultValue = "true")
        Boolean preview,
    @Schema(
            description = "Why, kept in the audit trail; required to reject.",
            examples = "A burst of fake signatures from one network.",
            maxLength = 1000)
        @Size(max = 1000)
        String reason) {}
