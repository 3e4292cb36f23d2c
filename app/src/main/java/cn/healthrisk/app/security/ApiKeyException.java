package cn.healthrisk.app.security;

/** An API-key operation cannot be done as asked; the message says what to do instead. */
public class ApiKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ApiKeyException(String message) {
    super(message);
  }
}
