package cn.healthrisk.app.policy;

/** Why a policy could not be issued from an underwriting decision: a stable code and a message to act on. */
public class PolicyIssuanceException extends RuntimeException {
  private final String code;

  public PolicyIssuanceException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
