package cn.healthrisk.underwriting.application;

/** The client sent an idempotency key it had already used, but with a different application. */
public class IdempotencyKeyReusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReusedException() {
    super("This Idempotency-Key was already used with a different application; use a new key for a new request");
  }
}
