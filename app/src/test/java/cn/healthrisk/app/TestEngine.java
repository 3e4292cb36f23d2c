package cn.healthrisk.app;

import cn.healthrisk.app.cli.Contexts;
import cn.healthrisk.sql.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real engine application against a fresh test database, as the command line does. */
final class TestEngine {
  private TestEngine() {}

  static ConfigurableApplicationContext start(TestDatabase db, boolean web, Map<String, Object> extra) {
    return start(db, web, extra, Map.of());
  }

  /** As {@link #start(TestDatabase, boolean, Map)}, with settings that override application.yml. */
  static ConfigurableApplicationContext start(TestDatabase db, boolean web, Map<String, Object> extra,
      Map<String, ?> overrides) {
    Map<String, Object> props = new HashMap<>();
    // A loaded build machine can take far longer per page than production; the limit itself is tested in claims.
    // application.yml sets the limit from ENGINE_DOC_MAX_SECONDS and outranks these start-up defaults, so the
    // placeholder is what must be given.
    props.put("ENGINE_DOC_MAX_SECONDS", 600);
    props.putAll(extra);
    props.put("ENGINE_DB_URL", db.jdbcUrl());
    props.put("ENGINE_DB_USER", db.user());
    props.put("ENGINE_DB_PASSWORD", db.password());
    if (web) {
      props.put("server.port", 0);
      // These properties rank below application.yml, whose server.port reads ENGINE_PORT: without this
      // the tests would take 8080 and fail when anything else on the machine holds it.
      props.put("ENGINE_PORT", 0);
    }
    return Contexts.start(web, props, overrides);
  }

  static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips the test on a developer machine without the dependency; under CI it must be there. */
  static void requireOrSkip(boolean available, String what) {
    if (ci()) {
      if (!available) {
        throw new AssertionError(what + " is required under CI=true but is missing");
      }
    } else {
      Assumptions.assumeTrue(available, what + " is not installed; skipping outside CI");
    }
  }
}
