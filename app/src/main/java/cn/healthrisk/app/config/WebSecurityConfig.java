package cn.healthrisk.app.config;

import cn.healthrisk.app.security.EngineUser;
import cn.healthrisk.app.security.UserAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security of the web pages: form login for adjusters and supervisors, CSRF tokens on every form, a session
 * that times out ({@code server.servlet.session.timeout}), and a lock after repeated failed logins. The REST
 * API under {@code /api/} keeps its own authentication by API key ({@link ApiKeyFilter}), stateless and
 * without CSRF (no cookies are involved).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurityConfig {

  @Bean
  @Order(1)
  public SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(r -> r.disable())
        .securityContext(c -> c.disable())
        .anonymous(a -> a.disable())
        .build();
  }

  @Bean
  public AuthenticationManager webAuthentication(UserAccounts accounts) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
    provider.setPasswordEncoder(accounts.encoder());
    return new ProviderManager(provider);
  }

  @Bean
  @Order(2)
  public SecurityFilterChain web(HttpSecurity http, UserAccounts accounts, AuthenticationManager webAuthentication)
      throws Exception {
    SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    success.setDefaultTargetUrl("/queue");
    return http
        .authenticationManager(webAuthentication)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/engine.css", "/claim.js", "/favicon.ico", "/error",
                "/actuator/health", "/actuator/info").permitAll()
            .requestMatchers("/", "/queue", "/queue/**").hasAnyRole("ADJUSTER", "SUPERVISOR")
            // Other pages (e.g. operations pages added later) need a login too; roles are checked above.
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").permitAll()
            .successHandler((request, response, authentication) -> {
              accounts.loginSucceeded(authentication.getName());
              success.onAuthenticationSuccess(request, response, authentication);
            })
            .failureHandler((request, response, e) -> {
              String reason = "bad";
              if (e instanceof LockedException) {
                reason = "locked";
              } else if (e instanceof DisabledException) {
                reason = "bad";
              } else if (e instanceof BadCredentialsException) {
                accounts.loginFailed(request.getParameter("username"));
              }
              response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
            }))
        .addFilterBefore(disabledUsersLeave(accounts), AuthorizationFilter.class)
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .headers(h -> h
            .contentSecurityPolicy(c -> c.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none';"
                    + " form-action 'self'; base-uri 'none'"))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  /** Ends the session of a user who has been disabled since logging in. */
  static OncePerRequestFilter disabledUsersLeave(UserAccounts accounts) {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof EngineUser user && !accounts.isEnabled(user.getUsername())) {
          HttpSession session = request.getSession(false);
          if (session != null) {
            session.invalidate();
          }
          SecurityContextHolder.clearContext();
          response.sendRedirect(request.getContextPath() + "/login");
          return;
        }
        chain.doFilter(request, response);
      }
    };
  }
}
