package cn.healthrisk.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh, migrated database on a real MariaDB or MySQL server for {@code *IT} tests.
 *
 * <p>Uses {@code ENGINE_TEST_DB_URL} (a server URL such as {@code jdbc:mysql://127.0.0.1:3306/})
 * when set, else the MariaDB service on 127.0.0.1:3306 when it answers, else one embedded
 * MariaDB per test JVM ({@code ENGINE_TEST_DB=embedded} forces that). Each instance is its own database, dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

  private static EmbeddedMariaDb embedded;

  private final String serverUrl;
  private final String user;
  private final String password;
  private final String name;
  private final HikariDataSource dataSource;

  private TestDatabase(String serverUrl, String user, String password) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
    this.name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(urlFor(name));
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    this.dataSource = new HikariDataSource(config);
    Migrations.migrate(dataSource);
  }

  /** Creates and migrates a new database. */
  public static synchronized TestDatabase create() {
    String url = System.getenv("ENGINE_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      return new TestDatabase(url, env("ENGINE_TEST_DB_USER", "root"), env("ENGINE_TEST_DB_PASSWORD", ""));
    }
    boolean forceEmbedded = "embedded".equalsIgnoreCase(System.getenv("ENGINE_TEST_DB"));
    if (!forceEmbedded && accepts(3306) && canLogin("jdbc:mysql://127.0.0.1:3306/", "root", "")) {
      return new TestDatabase("jdbc:mysql://127.0.0.1:3306/", "root", "");
    }
    if (embedded == null) {
      embedded = EmbeddedMariaDb.start(Path.of("target", "it-mariadb"));
      EmbeddedMariaDb started = embedded;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return new TestDatabase("jdbc:mysql://127.0.0.1:" + embedded.port() + "/", "root", "");
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public String jdbcUrl() {
    return urlFor(name);
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    dataSource.close();
    execute("DROP DATABASE IF EXISTS " + name);
  }

  private String urlFor(String database) {
    String base = serverUrl.contains("?") ? serverUrl.substring(0, serverUrl.indexOf('?')) : serverUrl;
    if (!base.endsWith("/")) {
      base = base.substring(0, base.lastIndexOf('/') + 1);
    }
    return base + database
        + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
        + "&allowPublicKeyRetrieval=true&useSSL=false&rewriteBatchedStatements=true";
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(urlFor(""), user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Test database setup failed on " + serverUrl + ": " + e.getMessage(), e);
    }
  }

  private static boolean canLogin(String url, String user, String password) {
    try (Connection c = DriverManager.getConnection(url + "?allowPublicKeyRetrieval=true&useSSL=false", user, password)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String env(String key, String fallback) {
    String v = System.getenv(key);
    return v == null ? fallback : v;
  }
}
