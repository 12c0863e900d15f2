package org.undersigned.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A line of text a person wrote: once trimmed and in NFC, from 1 to {@link #max()} characters, with
 * no control character and no bidirectional override (which could make a name read differently from
 * what it is). Null is valid: pair with {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = CleanTextValidator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface CleanText {
  int max();

  String message() default "{org.undersigned.CleanText.message}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
