package cn.healthrisk.app.security;

import cn.healthrisk.claims.review.Reviewer;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A logged-in adjuster or supervisor, with the insurer they work for. */
public final class EngineUser implements UserDetails, CredentialsContainer {
  private static final long serialVersionUID = 1L;

  private final String username;
  private final String clientId;
  private final Reviewer.Role role;
  private final String displayName;
  private final boolean enabled;
  private final boolean locked;
  private String passwordHash;

  public EngineUser(String username, String clientId, Reviewer.Role role, String displayName, String passwordHash,
      boolean enabled, boolean locked) {
    this.username = username;
    this.clientId = clientId;
    this.role = role;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.enabled = enabled;
    this.locked = locked;
  }

  /** The user as the review services see them. */
  public Reviewer reviewer() {
    return new Reviewer(username, clientId, role);
  }

  public String clientId() {
    return clientId;
  }

  public Reviewer.Role role() {
    return role;
  }

  /** The name shown in the page header: the display name, else the user name. */
  public String shownName() {
    return displayName == null || displayName.isBlank() ? username : displayName;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isAccountNonLocked() {
    return !locked;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }
}
