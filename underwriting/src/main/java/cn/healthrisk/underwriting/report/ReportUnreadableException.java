package cn.healthrisk.underwriting.report;

/** A document that cannot be read, and whose fault that is. */
public class ReportUnreadableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a document could not be read. */
  public enum Problem {
    /** Empty, corrupt or of a type that is not a PDF or an image: the sender must send another file. */
    INVALID,
    /** Over a size, page, pixel or time limit. */
    TOO_LARGE,
    /** The reader (e.g. its OCR engine) is not available: nothing is wrong with the file. */
    UNAVAILABLE
  }

  private final Problem problem;

  public ReportUnreadableException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  public ReportUnreadableException(Problem problem, String message) {
    this(problem, message, null);
  }

  public Problem problem() {
    return problem;
  }
}
