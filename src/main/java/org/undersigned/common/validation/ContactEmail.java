package org.undersigned.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A contact e-mail address, the one rule for every field that takes one (a submission, a withdrawal
 * request, an imported row): at most 254 characters (RFC 5321's path), an {@code @}, and a domain
 * with a dot and a top-level label of two characters or more. Null is valid (add {@code @NotNull}
 * where it is required). Each part reports its own message, as before.
 */
@Documented
@Constraint(validatedBy = {})
@Size(max = 254)
@Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$", message = "{org.undersigned.Email.message}")
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface ContactEmail {
  String message() default "{org.undersigned.Email.message}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
