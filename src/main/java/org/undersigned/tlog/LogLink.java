package org.undersigned.tlog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a letter's public log is, and how to check it. */
@Schema(
    name = "LogLink",
    description =
        "The letter's public log (C2SP tlog-tiles): every publication and ending of a signature and"
            + " every text version, in an append-only Merkle tree (RFC 9162) whose signed head"
            + " anyone can check.")
public record LogLink(
    @Schema(
            required = true,
            maxLength = 2048,
            description =
                "The tlog-tiles prefix, ending in \"/\": {url}checkpoint, {url}tile/<L>/<N>,"
                    + " {url}tile/entries/<N>.",
            examples = "https://undersigned.example/api/v1/letters/un-china-human-rights/log/")
        String url,
    @Schema(
            required = true,
            maxLength = 2048,
            description = "The checkpoint's origin line.",
            examples = "undersigned.example/api/v1/letters/un-china-human-rights/log")
        String origin,
    @Schema(
            required = true,
            maxLength = 512,
            description =
                "The verifier key of the checkpoints' signatures (C2SP signed-note, Ed25519), as"
                    + " Go's golang.org/x/mod/sumdb/note writes it.",
            examples = "undersigned.test+863b6aa6+AYP1xh31gsTsynlqqvAFh6qrrIAx3W7n17K2kpfkvZ/P")
        String key) {}
