package cn.healthrisk.app.security;

/** A user-management request that was refused, with a message that says what to do instead. */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }
}
