package cn.healthrisk.app.config;

import cn.healthrisk.sql.Dialects;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jooq.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Database, jOOQ dialect and clock for the whole engine. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

  @Bean(destroyMethod = "close")
  public EngineDatabase engineDatabase(@Value("${ENGINE_DB_URL:}") String url, @Value("${ENGINE_DB_USER:root}") String user,
      @Value("${ENGINE_DB_PASSWORD:}") String password, @Value("${ENGINE_DATA_DIR:data}") String dataDir) {
    return EngineDatabase.resolve(url, user, password, Path.of(dataDir));
  }

  @Bean(destroyMethod = "close")
  public HikariDataSource dataSource(EngineDatabase db, @Value("${engine.db.pool-size:12}") int poolSize) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(db.url());
    c.setUsername(db.user());
    c.setPassword(db.password());
    c.setMaximumPoolSize(poolSize);
    c.setPoolName("engine");
    // Connector/J settings for the decision insert, whose two JSON columns are several kB of mostly
    // Chinese text: server-side prepared statements send them as bytes instead of escaping them
    // character by character into the SQL text, and the statement cache (with a SQL length limit above
    // jOOQ's qualified inserts) keeps that at one round trip per execution. The driver answers
    // autocommit and isolation queries from its own state.
    c.addDataSourceProperty("useServerPrepStmts", "true");
    c.addDataSourceProperty("cachePrepStmts", "true");
    c.addDataSourceProperty("prepStmtCacheSize", "250");
    c.addDataSourceProperty("prepStmtCacheSqlLimit", "4096");
    c.addDataSourceProperty("useLocalSessionState", "true");
    c.addDataSourceProperty("cacheServerConfiguration", "true");
    return new HikariDataSource(c);
  }

  /** jOOQ renders for the server actually connected: MariaDB rejects some of jOOQ's MYSQL syntax. */
  @Bean
  public DefaultConfigurationCustomizer engineDialect(DataSource dataSource) {
    SQLDialect dialect = Dialects.detect(dataSource);
    return c -> c.set(dialect);
  }

  @Bean
  public Clock clock() {
    return Clock.systemUTC();
  }
}
