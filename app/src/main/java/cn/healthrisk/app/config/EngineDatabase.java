package cn.healthrisk.app.config;

import cn.healthrisk.sql.EmbeddedMariaDb;
import java.nio.file.Path;

/**
 * Where the engine's database is: a configured MySQL/MariaDB server ({@code ENGINE_DB_URL},
 * {@code ENGINE_DB_USER}, {@code ENGINE_DB_PASSWORD}) or, when none is configured, the embedded
 * MariaDB whose files persist under {@code ENGINE_DATA_DIR} (default {@code ./data}).
 */
public final class EngineDatabase implements AutoCloseable {
  private final String url;
  private final String user;
  private final String password;
  private final EmbeddedMariaDb embedded;

  private EngineDatabase(String url, String user, String password, EmbeddedMariaDb embedded) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  public static EngineDatabase resolve(String url, String user, String password, Path dataDir) {
    if (url != null && !url.isBlank()) {
      return new EngineDatabase(url, user == null ? "root" : user, password == null ? "" : password, null);
    }
    EmbeddedMariaDb db = EmbeddedMariaDb.start(dataDir);
    return new EngineDatabase(db.jdbcUrl(), "root", "", db);
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** Where the data lives, for messages: the embedded port or the configured URL without credentials. */
  public String describe() {
    return embedded != null ? "embedded MariaDB on 127.0.0.1:" + embedded.port()
        : url.replaceAll("(?i)password=[^&]*", "password=***");
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
