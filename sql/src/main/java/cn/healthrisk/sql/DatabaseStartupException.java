package cn.healthrisk.sql;

/** The engine could not reach or start its database. */
public class DatabaseStartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
