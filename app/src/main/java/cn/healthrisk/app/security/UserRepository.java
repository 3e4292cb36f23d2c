package cn.healthrisk.app.security;

import static cn.healthrisk.sql.jooq.Tables.API_CLIENT;
import static cn.healthrisk.sql.jooq.Tables.APP_USER;

import cn.healthrisk.sql.jooq.tables.records.AppUserRecord;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** People who log in to the web pages, with their password hashes and failed-login counts. */
@Repository
public class UserRepository {
  private final DSLContext dsl;

  public UserRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A stored user; {@code passwordHash} is the encoder's output, never a password. */
  public record StoredUser(String username, String clientId, String role, String displayName, String passwordHash,
      boolean enabled, int failedLogins, LocalDateTime lockedUntil, LocalDateTime createdAt) {}

  public Optional<StoredUser> find(String username) {
    return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(UserRepository::user);
  }

  public boolean exists(String username) {
    return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
  }

  public List<StoredUser> list() {
    return dsl.selectFrom(APP_USER).orderBy(APP_USER.CLIENT_ID, APP_USER.USERNAME).fetch(UserRepository::user);
  }

  public boolean clientExists(String clientId) {
    return dsl.fetchExists(API_CLIENT, API_CLIENT.CLIENT_ID.eq(clientId));
  }

  public void insertClient(String clientId, LocalDateTime now) {
    dsl.insertInto(API_CLIENT).set(API_CLIENT.CLIENT_ID, clientId).set(API_CLIENT.CREATED_AT, now)
        .onDuplicateKeyIgnore().execute();
  }

  public void insert(String username, String clientId, String role, String displayName, String passwordHash,
      LocalDateTime now) {
    dsl.insertInto(APP_USER)
        .set(APP_USER.USERNAME, username)
        .set(APP_USER.CLIENT_ID, clientId)
        .set(APP_USER.ROLE, role)
        .set(APP_USER.DISPLAY_NAME, displayName)
        .set(APP_USER.PASSWORD_HASH, passwordHash)
        .set(APP_USER.ENABLED, true)
        .set(APP_USER.FAILED_LOGINS, 0)
        .set(APP_USER.CREATED_AT, now)
        .execute();
  }

  public boolean disable(String username, LocalDateTime now) {
    return dsl.update(APP_USER).set(APP_USER.ENABLED, false).set(APP_USER.DISABLED_AT, now)
        .where(APP_USER.USERNAME.eq(username)).and(APP_USER.ENABLED.isTrue()).execute() == 1;
  }

  /** Counts one failed login; at {@code maxFailures} the account is locked until {@code lockUntil}. */
  public void recordFailure(String username, int maxFailures, LocalDateTime lockUntil) {
    dsl.update(APP_USER).set(APP_USER.FAILED_LOGINS, APP_USER.FAILED_LOGINS.plus(1))
        .where(APP_USER.USERNAME.eq(username)).execute();
    dsl.update(APP_USER).set(APP_USER.LOCKED_UNTIL, lockUntil).set(APP_USER.FAILED_LOGINS, 0)
        .where(APP_USER.USERNAME.eq(username)).and(APP_USER.FAILED_LOGINS.ge(maxFailures)).execute();
  }

  public void recordSuccess(String username) {
    dsl.update(APP_USER).set(APP_USER.FAILED_LOGINS, 0).setNull(APP_USER.LOCKED_UNTIL)
        .where(APP_USER.USERNAME.eq(username)).execute();
  }

  private static StoredUser user(AppUserRecord r) {
    return new StoredUser(r.getUsername(), r.getClientId(), r.getRole(), r.getDisplayName(), r.getPasswordHash(),
        Boolean.TRUE.equals(r.getEnabled()), r.getFailedLogins(), r.getLockedUntil(), r.getCreatedAt());
  }
}
