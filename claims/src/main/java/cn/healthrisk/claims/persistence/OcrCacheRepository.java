package cn.healthrisk.claims.persistence;

import static cn.healthrisk.sql.jooq.Tables.OCR_CACHE;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Document text per content hash and engine, so reruns and restarts never read a document twice. */
@Repository
public class OcrCacheRepository {
  private final DSLContext ctx;

  public OcrCacheRepository(DSLContext ctx) {
    this.ctx = ctx;
  }

  public Optional<String> find(String contentHash, String engine) {
    return ctx.select(OCR_CACHE.RESULT_JSON).from(OCR_CACHE)
        .where(OCR_CACHE.CONTENT_HASH.eq(contentHash)).and(OCR_CACHE.ENGINE.eq(engine))
        .fetchOptional(OCR_CACHE.RESULT_JSON);
  }

  /** Stored in its own transaction, so the work survives a rollback of the chunk that did it. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void put(String contentHash, String engine, String json, LocalDateTime now) {
    ctx.insertInto(OCR_CACHE)
        .set(OCR_CACHE.CONTENT_HASH, contentHash)
        .set(OCR_CACHE.ENGINE, engine)
        .set(OCR_CACHE.RESULT_JSON, json)
        .set(OCR_CACHE.CREATED_AT, now)
        .onDuplicateKeyIgnore()
        .execute();
  }
}
