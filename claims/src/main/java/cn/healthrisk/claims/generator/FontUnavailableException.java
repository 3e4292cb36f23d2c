package cn.healthrisk.claims.generator;

/** No usable CJK font was found on this machine, so receipts cannot be rendered. */
public final class FontUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  FontUnavailableException(String message) {
    super(message);
  }
}
