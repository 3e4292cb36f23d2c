package cn.healthrisk.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * Picks the jOOQ dialect from the server actually connected, not from the JDBC URL.
 *
 * <p>MySQL Connector/J reports "MySQL" as the product name even when talking to MariaDB, and
 * jOOQ's MYSQL dialect renders SQL that MariaDB rejects, so the server version string decides.
 */
public final class Dialects {
  private Dialects() {}

  public static SQLDialect detect(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return detect(c.getMetaData());
    } catch (SQLException e) {
      throw new DatabaseStartupException("Cannot connect to the database: " + e.getMessage(), e);
    }
  }

  public static SQLDialect detect(DatabaseMetaData meta) throws SQLException {
    return fromServer(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
  }

  public static SQLDialect fromServer(String productName, String productVersion) {
    String both = (productName + " " + productVersion).toLowerCase(java.util.Locale.ROOT);
    if (both.contains("mariadb")) {
      return SQLDialect.MARIADB;
    }
    if (both.contains("mysql")) {
      return SQLDialect.MYSQL;
    }
    throw new DatabaseStartupException(
        "Unsupported database server '" + productName + " " + productVersion
            + "': the engine runs on MySQL 8 or MariaDB 10.11+", null);
  }
}
