package org.undersigned.tlog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a named signatory's publication is in the log, and the salt that opens its commitment. */
@Schema(
    name = "LogProof",
    description =
        "The signatory's entry in the letter's public log: its index, and the salt with which"
            + " SHA-256(salt || UTF-8 of the NFC name) gives the entry's commitment.")
public record LogProof(
    @Schema(
            required = true,
            minimum = "0",
            maximum = "9007199254740991",
            description = "The published entry's leaf index.",
            examples = "42")
        long index,
    @Schema(
            required = true,
            description = "The 32-byte salt, lowercase hex.",
            pattern = "^[0-9a-f]{64}$",
            maxLength = 64,
            examples = "5f3c9a0e7d2b4c8e1a6f0b3d9c7e2a4f8b1d6c0e3a9f7b2d5c8e1a4f7b0d3c6e")
        String salt) {}
