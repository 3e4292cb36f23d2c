package cn.healthrisk.underwriting.persistence;

/** Another decision was stored under the same client and idempotency key first. */
public class DuplicateIdempotencyKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DuplicateIdempotencyKeyException(String clientId, String key, Throwable cause) {
    super("A decision for client " + clientId + " with idempotency key " + key + " already exists", cause);
  }
}
