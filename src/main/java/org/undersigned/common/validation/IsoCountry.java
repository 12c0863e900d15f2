package org.undersigned.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 3166-1 alpha-2 country code in capitals ("FR", "HK"). Null is valid. */
@Documented
@Constraint(validatedBy = IsoCountryValidator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCountry {
  String message() default "{org.undersigned.IsoCountry.message}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
