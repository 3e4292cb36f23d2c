package cn.healthrisk.claims.ocr;

/** The OCR engine failed on a page or could not be initialised. */
public class OcrException extends Exception {
  private static final long serialVersionUID = 1L;

  public OcrException(String message, Throwable cause) {
    super(message, cause);
  }

  public OcrException(String message) {
    super(message);
  }
}
