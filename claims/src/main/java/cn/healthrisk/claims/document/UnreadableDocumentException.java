package cn.healthrisk.claims.document;

/** A document that cannot be read: corrupt, unsupported, empty or over a limit. */
public class UnreadableDocumentException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the document could not be read. */
  public enum Reason {
    EMPTY,
    CORRUPT,
    UNSUPPORTED_TYPE,
    TOO_LARGE,
    TOO_MANY_PIXELS,
    TOO_MANY_PAGES,
    TIMEOUT,
    OCR_FAILED
  }

  private final Reason reason;

  public UnreadableDocumentException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public UnreadableDocumentException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
