package cn.healthrisk.app.security;

import cn.healthrisk.app.security.ApiKeyRepository.StoredKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, rotates, revokes and checks API keys. A key reads {@code uwk_<keyId>_<secret>}: the key id is
 * public and finds the row, the secret (256 random bits) is compared by its SHA-256 in constant time.
 * Keys configured in {@code ENGINE_API_KEYS} (bootstrap, e.g. the demo client) are checked as well.
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

  public ApiKeys(ApiKeyRepository repository, Clock clock,
      @Value("${ENGINE_API_KEYS:${engine.api.keys:}}") String bootstrapKeys) {
    this.repository = repository;
    this.clock = clock;
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
      return repository.find(keyId)
          .filter(StoredKey::active)
          .filter(k -> MessageDigest.isEqual(presentedHash, HexFormat.of().parseHex(k.secretSha256())))
          .map(StoredKey::clientId);
    }
    return Optional.ofNullable(bootstrapClientByHash.get(hex(sha256(presented))));
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
