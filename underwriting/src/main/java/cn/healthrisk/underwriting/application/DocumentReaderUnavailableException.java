package cn.healthrisk.underwriting.application;

/** Documents cannot be read at the moment (no reader configured, OCR engine not available): not the sender's fault. */
public class DocumentReaderUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DocumentReaderUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
