package org.undersigned.letter.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.undersigned.letter.ModerationPolicy;

/** A new letter: it starts as a draft, seen by no one but the coalition. */
@Schema(name = "LetterDraft")
public record LetterDraft(
    @Schema(
            required = true,
            examples = "un-china-human-rights",
            pattern = "^[a-z0-9]+(-[a-z0-9]+)*$",
            maxLength = 100)
        @NotNull
        @Size(max = 100)
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "{org.undersigned.Slug.message}")
        String slug,
    @Schema(
            required = true,
            description = "The original language (BCP 47).",
            examples = "fr",
            maxLength = 35,
            pattern = "^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$")
        @NotNull
        @Pattern(
            regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$",
            message = "{org.undersigned.Language.message}")
        String language,
    @Schema(description = "Default PUBLISH_ON_APPROVAL.", maxLength = 23)
        ModerationPolicy moderationPolicy,
    @Schema(nullable = true, implementation = String.class, format = "date-time", maxLength = 35)
        Instant closesAt,
    @Schema(required = true) @NotNull @Valid TranslationText text) {}
