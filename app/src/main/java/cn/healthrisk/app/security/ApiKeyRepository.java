package cn.healthrisk.app.security;

import static cn.healthrisk.sql.jooq.Tables.API_CLIENT;
import static cn.healthrisk.sql.jooq.Tables.API_KEY;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** API clients and the hashes of their keys. */
@Repository
public class ApiKeyRepository {

  private final DSLContext dsl;

  public ApiKeyRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A stored key: never the key itself, only the SHA-256 of its secret. */
  public record StoredKey(String keyId, String clientId, String clientName, String secretSha256, Instant createdAt,
      Instant revokedAt) {
    public boolean active() {
      return revokedAt == null;
    }
  }

  public boolean clientExists(String clientId) {
    return dsl.fetchExists(API_CLIENT, API_CLIENT.CLIENT_ID.eq(clientId));
  }

  /** Locks the client's row for this transaction, so two rotations cannot both pass the active-key check. */
  public boolean lockClient(String clientId) {
    return dsl.selectFrom(API_CLIENT).where(API_CLIENT.CLIENT_ID.eq(clientId)).forUpdate().fetchOptional().isPresent();
  }

  public void insertClient(String clientId, String name, Instant now) {
    dsl.insertInto(API_CLIENT)
        .set(API_CLIENT.CLIENT_ID, clientId)
        .set(API_CLIENT.NAME, name)
        .set(API_CLIENT.CREATED_AT, utc(now))
        .execute();
  }

  public void insertKey(String keyId, String clientId, String secretSha256, Instant now) {
    dsl.insertInto(API_KEY)
        .set(API_KEY.KEY_ID, keyId)
        .set(API_KEY.CLIENT_ID, clientId)
        .set(API_KEY.SECRET_SHA256, secretSha256)
        .set(API_KEY.CREATED_AT, utc(now))
        .execute();
  }

  public Optional<StoredKey> find(String keyId) {
    return dsl.select(API_KEY.fields()).select(API_CLIENT.NAME)
        .from(API_KEY).join(API_CLIENT).on(API_CLIENT.CLIENT_ID.eq(API_KEY.CLIENT_ID))
        .where(API_KEY.KEY_ID.eq(keyId))
        .fetchOptional(this::toKey);
  }

  public List<StoredKey> list() {
    return dsl.select(API_KEY.fields()).select(API_CLIENT.NAME)
        .from(API_KEY).join(API_CLIENT).on(API_CLIENT.CLIENT_ID.eq(API_KEY.CLIENT_ID))
        .orderBy(API_KEY.CLIENT_ID, API_KEY.CREATED_AT, API_KEY.KEY_ID)
        .fetch(this::toKey);
  }

  public int countActive(String clientId) {
    return dsl.fetchCount(API_KEY, API_KEY.CLIENT_ID.eq(clientId).and(API_KEY.REVOKED_AT.isNull()));
  }

  /** Marks the key revoked; returns false when it was already revoked or does not exist. */
  public boolean revoke(String keyId, Instant now) {
    return dsl.update(API_KEY)
        .set(API_KEY.REVOKED_AT, utc(now))
        .where(API_KEY.KEY_ID.eq(keyId).and(API_KEY.REVOKED_AT.isNull()))
        .execute() == 1;
  }

  private StoredKey toKey(org.jooq.Record r) {
    LocalDateTime revoked = r.get(API_KEY.REVOKED_AT);
    return new StoredKey(r.get(API_KEY.KEY_ID), r.get(API_KEY.CLIENT_ID), r.get(API_CLIENT.NAME),
        r.get(API_KEY.SECRET_SHA256), r.get(API_KEY.CREATED_AT).toInstant(ZoneOffset.UTC),
        revoked == null ? null : revoked.toInstant(ZoneOffset.UTC));
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
