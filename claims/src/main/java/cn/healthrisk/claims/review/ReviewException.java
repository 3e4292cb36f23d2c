package cn.healthrisk.claims.review;

/** A review action that was refused, with a stable code and a message the adjuster can act on. */
public class ReviewException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  public ReviewException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** E.g. {@code NOT_FOUND}, {@code REASON_REQUIRED}, {@code FOUR_EYES_SAME_USER}. */
  public String code() {
    return code;
  }
}
