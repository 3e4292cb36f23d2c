package cn.healthrisk.kb.load;

import java.util.List;

/** The knowledge base could not be loaded; {@link #problems()} lists every problem found. */
public class KnowledgeBaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public KnowledgeBaseException(List<String> problems) {
    super("Invalid knowledge base (" + problems.size() + " problem(s)):\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code file: entry: message}. */
  public List<String> problems() {
    return problems;
  }
}
