package cn.healthrisk.underwriting.application;

import cn.healthrisk.underwriting.decision.FieldError;
import java.util.List;

/** An application failed validation; {@link #fieldErrors()} says where and why. */
public class ApplicationValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> fieldErrors;

  public ApplicationValidationException(List<FieldError> fieldErrors) {
    super("Application is invalid: " + fieldErrors);
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** The stable error code: {@code VALIDATION_FAILED}, or a subclass's own. */
  public String code() {
    return "VALIDATION_FAILED";
  }
}
