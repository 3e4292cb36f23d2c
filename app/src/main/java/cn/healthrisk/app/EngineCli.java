package cn.healthrisk.app;

/** Entry point of {@code ./engine}. */
final class EngineCli {
  private EngineCli() {}

  static int run(String[] args) {
    System.err.println("engine: no command yet");
    return 2;
  }
}
