package cn.healthrisk.sql;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Applies the engine's Flyway migrations: the domain schema and the Spring Batch job repository. */
public final class Migrations {
  public static final String[] LOCATIONS = {"classpath:db/migration", "classpath:db/batch"};

  private Migrations() {}

  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATIONS)
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
