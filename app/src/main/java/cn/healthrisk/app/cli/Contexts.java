package cn.healthrisk.app.cli;

import cn.healthrisk.app.EngineApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context a command needs: with the web server for {@code serve}, without it otherwise. */
public final class Contexts {
  private Contexts() {}

  /**
   * @param properties start-up defaults: they rank below application.yml and the environment, so they only
   *     fill placeholders such as {@code ENGINE_DB_URL} and settings that application.yml leaves unset
   * @param overrides settings given on the command line ({@code --partitions}): they rank above
   *     application.yml and the environment, like Spring Boot's {@code --key=value} arguments
   */
  public static ConfigurableApplicationContext start(boolean web, Map<String, Object> properties,
      Map<String, ?> overrides) {
    Map<String, Object> props = new HashMap<>();
    // Commands use a few beans each; creating only those keeps the command line quick to start.
    props.put("spring.main.lazy-initialization", !web);
    props.putAll(properties);
    String[] args = overrides.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(EngineApplication.class)
        .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
        .properties(props)
        .logStartupInfo(false)
        .run(args);
  }

  public static ConfigurableApplicationContext start(boolean web, Map<String, Object> properties) {
    return start(web, properties, Map.of());
  }

  public static ConfigurableApplicationContext start(boolean web) {
    return start(web, Map.of());
  }
}
