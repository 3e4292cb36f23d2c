package cn.healthrisk.app.security;

import cn.healthrisk.app.security.ApiKeyRepository.StoredKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues, rotates, revokes and checks API keys. A key reads {@code uwk_<keyId>_<secret>}: the key id is
 * public and finds the row, the secret (256 random bits) is compared by its SHA-256 in constant time.
 * Keys configured in {@code ENGINE_API_KEYS} (bootstrap, e.g. the demo client) are checked as well.
 *
 * <p>A key row read from the database is kept in memory for {@code engine.api.key-cache-seconds}
 * (default 10), so a busy client costs one hash and no database round trip per request. A key revoked in
 * this process stops working at once; one revoked by another process (the command line) within that time.
 */
@Service
public class ApiKeys {

  static final String PREFIX = "uwk_";
  /** During a rotation the old and the new key both work; a third must wait for a revoke. */
  static final int MAX_ACTIVE_KEYS = 2;
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

  private final ApiKeyRepository repository;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> bootstrapClientByHash = new LinkedHashMap<>();
  private final List<byte[]> bootstrapHashes = new ArrayList<>();
  private final List<String> bootstrapClients = new ArrayList<>();
  private final long cacheMillis;
  private final ConcurrentHashMap<String, CachedKey> cache = new ConcurrentHashMap<>();

  /** A key row as read (empty when there is none) and when it was read (clock millis). */
  private record CachedKey(Optional<StoredKey> key, long readAtMillis) {}

  /** Beyond this many cached key ids (unknown ids included) the cache starts again from empty. */
  private static final int MAX_CACHED_KEYS = 10_000;

  public ApiKeys(ApiKeyRepository repository, Clock clock,
      @Value("${ENGINE_API_KEYS:${engine.api.keys:}}") String bootstrapKeys,
      @Value("${ENGINE_API_KEY_CACHE_SECONDS:${engine.api.key-cache-seconds:10}}") long cacheSeconds) {
    this.repository = repository;
    this.clock = clock;
    this.cacheMillis = TimeUnit.SECONDS.toMillis(Math.max(0, cacheSeconds));
    for (String entry : bootstrapKeys.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.indexOf('=');
      if (eq <= 0 || e.length() - eq - 1 != 64) {
        throw new IllegalArgumentException("ENGINE_API_KEYS entries must be clientId=<sha256 hex of the key>; got '"
            + e.substring(0, Math.max(0, eq)) + "=...'");
      }
      bootstrapClientByHash.put(e.substring(eq + 1).toLowerCase(Locale.ROOT), e.substring(0, eq));
    }
    bootstrapClientByHash.forEach((hash, client) -> {
      bootstrapHashes.add(HexFormat.of().parseHex(hash));
      bootstrapClients.add(client);
    });
  }

  /** A key as issued: {@code key} is shown once and never stored. */
  public record IssuedKey(String clientId, String keyId, String key) {}

  /** The client a presented key belongs to, or empty when it is unknown, malformed or revoked. */
  public Optional<String> authenticate(String presented) {
    if (presented == null || presented.isBlank()) {
      return Optional.empty();
    }
    if (presented.startsWith(PREFIX)) {
      int sep = presented.indexOf('_', PREFIX.length());
      if (sep < 0) {
        return Optional.empty();
      }
      String keyId = presented.substring(PREFIX.length(), sep);
      if (!KEY_ID.matcher(keyId).matches()) {
        return Optional.empty();
      }
      byte[] presentedHash = sha256(presented.substring(sep + 1));
      return storedKey(keyId)
          .filter(StoredKey::active)
          .filter(k -> MessageDigest.isEqual(presentedHash, HexFormat.of().parseHex(k.secretSha256())))
          .map(StoredKey::clientId);
    }
    // Every configured hash is compared, each in constant time, so the answer's timing says nothing.
    byte[] presentedHash = sha256(presented);
    String client = null;
    for (int i = 0; i < bootstrapHashes.size(); i++) {
      if (MessageDigest.isEqual(presentedHash, bootstrapHashes.get(i))) {
        client = bootstrapClients.get(i);
      }
    }
    return Optional.ofNullable(client);
  }

  private Optional<StoredKey> storedKey(String keyId) {
    if (cacheMillis == 0) {
      return repository.find(keyId);
    }
    long now = clock.millis();
    CachedKey cached = cache.get(keyId);
    // A clock that went back counts as expired, so a jump can never stretch the cache time.
    if (cached != null && now >= cached.readAtMillis() && now - cached.readAtMillis() < cacheMillis) {
      return cached.key();
    }
    Optional<StoredKey> key = repository.find(keyId);
    if (cache.size() >= MAX_CACHED_KEYS) {
      cache.clear();
    }
    cache.put(keyId, new CachedKey(key, now));
    return key;
  }

  /** Registers a new client and issues its first key. */
  @Transactional
  public IssuedKey create(String clientId, String name) {
    if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
      throw new ApiKeyException("Client id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (repository.clientExists(clientId)) {
      throw new ApiKeyException("Client " + clientId + " already exists; use 'api-keys rotate --client " + clientId
          + "' to issue another key");
    }
    repository.insertClient(clientId, name, clock.instant());
    return issue(clientId);
  }

  /** Issues another key for the client; the old one keeps working until revoked. */
  @Transactional
  public IssuedKey rotate(String clientId) {
    if (!repository.lockClient(clientId)) {
      throw new ApiKeyException("No client " + clientId + "; create it with 'api-keys create --client " + clientId + "'");
    }
    if (repository.countActive(clientId) >= MAX_ACTIVE_KEYS) {
      throw new ApiKeyException("Client " + clientId + " already has " + MAX_ACTIVE_KEYS
          + " active keys; revoke the old one with 'api-keys revoke --key-id ...' first");
    }
    return issue(clientId);
  }

  @Transactional
  public void revoke(String keyId) {
    Optional<StoredKey> key = repository.find(keyId);
    if (key.isEmpty()) {
      throw new ApiKeyException("No API key with id " + keyId);
    }
    if (!key.get().active()) {
      throw new ApiKeyException("API key " + keyId + " is already revoked");
    }
    repository.revoke(keyId, clock.instant());
    cache.remove(keyId);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // A request between the removal above and the commit may have cached the row as still active.
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          cache.remove(keyId);
        }
      });
    }
  }

  /** Every key with its client and status; never a secret. */
  @Transactional(readOnly = true)
  public List<StoredKey> list() {
    return repository.list();
  }

  private IssuedKey issue(String clientId) {
    byte[] id = new byte[8];
    byte[] secret = new byte[32];
    random.nextBytes(id);
    random.nextBytes(secret);
    String keyId = hex(id);
    String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    repository.insertKey(keyId, clientId, hex(sha256(secretText)), clock.instant());
    return new IssuedKey(clientId, keyId, PREFIX + keyId + "_" + secretText);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
