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

  public static ConfigurableApplicationContext start(boolean web, Map<String, Object> properties) {
    Map<String, Object> props = new HashMap<>();
    // Commands use a few beans each; creating only those keeps the command line quick to start.
    props.put("spring.main.lazy-initialization", !web);
    props.putAll(properties);
    return new SpringApplicationBuilder(EngineApplication.class)
        .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
        .properties(props)
        .logStartupInfo(false)
        .run();
  }

  public static ConfigurableApplicationContext start(boolean web) {
    return start(web, Map.of());
  }
}
