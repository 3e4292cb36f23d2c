package cn.healthrisk.underwriting.application;

import cn.healthrisk.underwriting.decision.FieldError;
import java.util.List;

/** A document of the application is over a size, page, pixel or reading-time limit. */
public class DocumentTooLargeException extends ApplicationValidationException {

  private static final long serialVersionUID = 1L;

  public DocumentTooLargeException(List<FieldError> fieldErrors) {
    super(fieldErrors);
  }

  @Override
  public String code() {
    return "DOCUMENT_TOO_LARGE";
  }
}
