package cn.healthrisk.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.app.cli.EngineCommand;
import cn.healthrisk.app.security.ApiKeyRepository;
import cn.healthrisk.app.security.ApiKeys;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code engine api-keys create|list|rotate|revoke} against a real database, as an operator runs them. */
class ApiKeysCommandIT {
  static final Pattern KEY = Pattern.compile("API key: (uwk_([0-9a-f]{16})_\\S+)");
  static final List<String> DB_PROPERTIES = List.of("ENGINE_DB_URL", "ENGINE_DB_USER", "ENGINE_DB_PASSWORD");
  static TestDatabase db;
  static ApiKeys keys;
  /** As a running server holds keys: read once, then trusted for ten seconds of its clock. */
  static ApiKeys serverKeys;
  static final MutableClock SERVER_CLOCK = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    // The command starts its own context, which reads the database from the environment or system properties.
    System.setProperty("ENGINE_DB_URL", db.jdbcUrl());
    System.setProperty("ENGINE_DB_USER", db.user());
    System.setProperty("ENGINE_DB_PASSWORD", db.password());
    ApiKeyRepository repository = new ApiKeyRepository(DSL.using(db.dataSource(), Dialects.detect(db.dataSource())));
    // Without a cache: every check below sees what the command has just written.
    keys = new ApiKeys(repository, Clock.systemUTC(), "", 0);
    serverKeys = new ApiKeys(repository, SERVER_CLOCK, "", 10);
  }

  @AfterAll
  static void stop() {
    DB_PROPERTIES.forEach(System::clearProperty);
    db.close();
  }

  record Run(int exit, String out, String err) {}

  static Run engine(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new EngineCommand()).execute(args);
      return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  static Matcher key(Run run) {
    Matcher m = KEY.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return m;
  }

  @Test
  void createListRotateRevoke() {
    Run created = engine("api-keys", "create", "--client", "taiping", "--name", "太平健康");
    assertThat(created.exit()).as(created.err()).isZero();
    Matcher first = key(created);
    String firstKey = first.group(1);
    String firstId = first.group(2);
    assertThat(keys.authenticate(firstKey)).contains("taiping");

    assertThat(engine("api-keys", "create", "--client", "taiping").exit()).as("a client is created once").isEqualTo(1);

    Run rotated = engine("api-keys", "rotate", "--client", "taiping");
    assertThat(rotated.exit()).as(rotated.err()).isZero();
    String secondKey = key(rotated).group(1);
    assertThat(keys.authenticate(firstKey)).contains("taiping");
    assertThat(keys.authenticate(secondKey)).contains("taiping");
    Run third = engine("api-keys", "rotate", "--client", "taiping");
    assertThat(third.exit()).isEqualTo(1);
    assertThat(third.err()).contains("revoke");

    Run list = engine("api-keys", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("taiping", firstId, "active", "太平健康")
        .doesNotContain(firstKey.substring(firstKey.lastIndexOf('_') + 1))
        .doesNotContain(secondKey.substring(secondKey.lastIndexOf('_') + 1));

    assertThat(serverKeys.authenticate(firstKey)).contains("taiping");
    Run revoked = engine("api-keys", "revoke", "--key-id", firstId);
    assertThat(revoked.exit()).as(revoked.err()).isZero();
    assertThat(keys.authenticate(firstKey)).isEmpty();
    assertThat(serverKeys.authenticate(firstKey)).as("a server trusts a key it read for the cache time")
        .contains("taiping");
    SERVER_CLOCK.advance(Duration.ofSeconds(10));
    assertThat(serverKeys.authenticate(firstKey)).as("and then reads it again").isEmpty();
    assertThat(keys.authenticate(secondKey)).contains("taiping");
    assertThat(engine("api-keys", "list").out()).contains("revoked");
    assertThat(engine("api-keys", "revoke", "--key-id", "0000000000000000").exit()).isEqualTo(1);
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
