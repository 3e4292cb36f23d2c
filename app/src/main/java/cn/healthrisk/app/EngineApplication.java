package cn.healthrisk.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The engine's one Spring Boot application: REST API, adjuster pages and command line. */
@SpringBootApplication(scanBasePackages = "cn.healthrisk")
public class EngineApplication {

  public static void main(String[] args) {
    System.exit(EngineCli.run(args));
  }
}
