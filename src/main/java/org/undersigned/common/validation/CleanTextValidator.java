package org.undersigned.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.undersigned.common.text.Names;

/** Checks {@link CleanText}. */
public class CleanTextValidator implements ConstraintValidator<CleanText, String> {

  private int max;

  @Override
  public void initialize(CleanText annotation) {
    this.max = annotation.max();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    String text = Names.display(value);
    int length = text.codePointCount(0, text.length());
    return length >= 1 && length <= max && Names.isClean(text);
  }
}
