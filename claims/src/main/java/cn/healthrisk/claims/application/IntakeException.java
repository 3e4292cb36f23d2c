package cn.healthrisk.claims.application;

/** A policy, claim or document the intake refuses, with a stable code and a message a user can act on. */
public class IntakeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  public IntakeException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
