package cn.healthrisk.app;

import static cn.healthrisk.sql.jooq.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import cn.healthrisk.app.cli.EngineCommand;
import cn.healthrisk.sql.Dialects;
import cn.healthrisk.sql.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import picocli.CommandLine;

/** {@code engine users create|list|disable} against a real database, as an operator runs them. */
class UsersCommandIT {
  static final List<String> DB_PROPERTIES = List.of("ENGINE_DB_URL", "ENGINE_DB_USER", "ENGINE_DB_PASSWORD");
  static TestDatabase db;
  static DSLContext dsl;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    System.setProperty("ENGINE_DB_URL", db.jdbcUrl());
    System.setProperty("ENGINE_DB_USER", db.user());
    System.setProperty("ENGINE_DB_PASSWORD", db.password());
    dsl = DSL.using(db.dataSource(), Dialects.detect(db.dataSource()));
  }

  @AfterAll
  static void stop() {
    DB_PROPERTIES.forEach(System::clearProperty);
    db.close();
  }

  record Run(int exit, String out, String err) {}

  static Run engine(String stdin, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    InputStream in = System.in;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      CommandLine cli = new CommandLine(new EngineCommand());
      cli.setCaseInsensitiveEnumValuesAllowed(true);
      int exit = cli.execute(args);
      return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
      System.setIn(in);
    }
  }

  @Test
  void createListAndDisable() {
    Run created = engine("s3cret-password-1\n", "users", "create", "--username", "zhangsan", "--role", "adjuster",
        "--insurer", "demo", "--name", "张三");
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(created.out()).contains("zhangsan").doesNotContain("s3cret");
    String hash = dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.USERNAME.eq("zhangsan"))
        .fetchOne(APP_USER.PASSWORD_HASH);
    assertThat(hash).startsWith("{bcrypt}").doesNotContain("s3cret");
    assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("s3cret-password-1", hash)).isTrue();

    assertThat(engine("another-password\n", "users", "create", "--username", "zhangsan", "--role", "SUPERVISOR",
        "--insurer", "demo").exit()).as("a user name is taken once").isEqualTo(1);
    Run shortPassword = engine("short\n", "users", "create", "--username", "lisi", "--role", "SUPERVISOR", "--insurer",
        "demo");
    assertThat(shortPassword.exit()).isEqualTo(1);
    assertThat(shortPassword.err()).contains("at least 10");
    Run unknownInsurer = engine("long-enough-password\n", "users", "create", "--username", "lisi", "--role",
        "SUPERVISOR", "--insurer", "nobody");
    assertThat(unknownInsurer.exit()).isEqualTo(1);
    assertThat(unknownInsurer.err()).contains("api-keys create --client nobody");
    Run noEnv = engine("", "users", "create", "--username", "lisi", "--role", "SUPERVISOR", "--insurer", "demo",
        "--password-env", "ENGINE_TEST_SURELY_UNSET_PASSWORD");
    assertThat(noEnv.exit()).isEqualTo(1);
    assertThat(noEnv.err()).contains("no password");
    assertThat(engine("", "users", "create", "--username", "lisi", "--role", "SUPERVISOR", "--insurer", "demo",
        "--password", "on-the-command-line").exit()).as("passwords are never arguments").isEqualTo(2);

    Run list = engine("", "users", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("zhangsan").contains("ADJUSTER").contains("demo").contains("active")
        .contains("张三").doesNotContain("bcrypt").doesNotContain("lisi");

    assertThat(engine("", "users", "disable", "--username", "zhangsan").exit()).isZero();
    assertThat(engine("", "users", "list").out()).contains("disabled");
    assertThat(engine("", "users", "disable", "--username", "zhangsan").exit()).isEqualTo(1);
    assertThat(engine("", "users", "disable", "--username", "nobody").exit()).isEqualTo(1);
  }
}
