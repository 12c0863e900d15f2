package org.undersigned.endorsement.verification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an organisation publishes to prove that it controls its website's domain, and the secret
 * with which it asks for the check. Shown once, in the confirmation's answer and its e-mail.
 */
@Schema(
    name = "DomainChallenge",
    description =
        "Publish a TXT record named dnsName with the value dnsValue in the domain's DNS, then ask"
            + " for a check with checkToken (POST /api/v1/domain-checks). Shown once.")
public record DomainChallenge(
    @Schema(
            required = true,
            description =
                "The registrable domain of the endorsement's website (Public Suffix List, ICANN"
                    + " section), in A-label form.",
            examples = "amnesty.org",
            maxLength = 253)
        String domain,
    @Schema(
            required = true,
            description = "Where the TXT record goes.",
            examples = "_undersigned.amnesty.org",
            maxLength = 266)
        String dnsName,
    @Schema(
            required = true,
            description = "The TXT record's exact value.",
            examples = "undersigned-verification=3mJ8kQ0nV1xT5bW9cR2yL7fH4gD6sA0eZ1uP8oI3qYw",
            maxLength = 80)
        String dnsValue,
    @Schema(
            required = true,
            description =
                "The secret that lets its holder ask for a check; valid while the endorsement is.",
            examples = "Vb3k9Qm2Lx8Tn5Rw1Yc7Hf4Gd0Sa6Ze3Up9Oi2Qj8Kw",
            maxLength = 43)
        String checkToken) {}
