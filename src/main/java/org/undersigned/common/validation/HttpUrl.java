package org.undersigned.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An absolute http or https URL with a host and no credentials, at most 2048 characters. Null is
 * valid.
 */
@Documented
@Constraint(validatedBy = HttpUrlValidator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpUrl {
  String message() default "{org.undersigned.HttpUrl.message}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
