package cn.healthrisk.app.security;

import cn.healthrisk.app.security.UserRepository.StoredUser;
import cn.healthrisk.claims.review.Reviewer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adjusters and supervisors who log in to the web pages: created, listed and disabled by {@code engine users},
 * loaded at login, and locked for a while after repeated failed logins. Each belongs to one insurer.
 */
@Service
public class UserAccounts implements UserDetailsService {
  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  static final int MIN_PASSWORD = 10;

  private final UserRepository users;
  private final Clock clock;
  private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final int maxFailures;
  private final Duration lockFor;
  private final String defaultInsurer;

  public UserAccounts(UserRepository users, Clock clock,
      @Value("${engine.web.login.max-failures:5}") int maxFailures,
      @Value("${engine.web.login.lock-minutes:15}") int lockMinutes,
      @Value("${engine.intake.default-insurer:demo}") String defaultInsurer) {
    this.users = users;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockFor = Duration.ofMinutes(lockMinutes);
    this.defaultInsurer = defaultInsurer;
  }

  /** The encoder that hashes new passwords ({bcrypt}) and checks any stored hash by its prefix. */
  public PasswordEncoder encoder() {
    return encoder;
  }

  /**
   * Creates a user of the insurer {@code clientId}. The insurer must be a registered API client; the default
   * insurer of folder imports is registered on first use, since it may exist only as a configured key.
   */
  @Transactional
  public void create(String username, String clientId, Reviewer.Role role, String displayName, char[] password) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw new UserException("User name must be 2-64 lower-case letters, digits, '.', '_' or '-'");
    }
    if (password == null || password.length < MIN_PASSWORD) {
      throw new UserException("Password must have at least " + MIN_PASSWORD + " characters");
    }
    if (!users.clientExists(clientId)) {
      if (!clientId.equals(defaultInsurer)) {
        throw new UserException("No insurer " + clientId + "; register it first with 'engine api-keys create --client "
            + clientId + "'");
      }
      users.insertClient(clientId, now());
    }
    if (users.exists(name)) {
      throw new UserException("User " + name + " already exists");
    }
    users.insert(name, clientId, role.name(), displayName, encoder.encode(java.nio.CharBuffer.wrap(password)), now());
  }

  @Transactional(readOnly = true)
  public List<StoredUser> list() {
    return users.list();
  }

  @Transactional(readOnly = true)
  public boolean exists(String username) {
    return users.exists(username);
  }

  /** Disables the user at once: they can no longer log in. */
  @Transactional
  public void disable(String username) {
    if (!users.exists(username)) {
      throw new UserException("No user " + username);
    }
    if (!users.disable(username, now())) {
      throw new UserException("User " + username + " is already disabled");
    }
  }

  /** Whether the user may still use the pages: checked on every request, so disabling ends open sessions. */
  @Transactional(readOnly = true)
  public boolean isEnabled(String username) {
    return users.find(username).map(StoredUser::enabled).orElse(false);
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    StoredUser u = users.find(username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    boolean locked = u.lockedUntil() != null && u.lockedUntil().isAfter(now());
    return new EngineUser(u.username(), u.clientId(), Reviewer.Role.valueOf(u.role()), u.displayName(),
        u.passwordHash(), u.enabled(), locked);
  }

  /** Counts a failed login (wrong password); enough of them lock the account for a while. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void loginFailed(String username) {
    if (username != null) {
      users.recordFailure(username.trim().toLowerCase(Locale.ROOT), maxFailures, now().plus(lockFor));
    }
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void loginSucceeded(String username) {
    users.recordSuccess(username);
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
