package cn.healthrisk.app.config;

import cn.healthrisk.app.security.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API clients (insurers) by the {@code X-Api-Key} header (see {@link ApiKeys}). The client
 * id is handed to controllers as the request attribute {@code apiClientId}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyFilter extends OncePerRequestFilter {
  public static final String CLIENT_ATTRIBUTE = "apiClientId";
  public static final String HEADER = "X-Api-Key";

  private final ApiKeys apiKeys;

  public ApiKeyFilter(ApiKeys apiKeys) {
    this.apiKeys = apiKeys;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiErrors.isProtected(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key == null || key.isBlank()) {
      ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "API_KEY_MISSING",
          "Send your API key in the X-Api-Key header");
      return;
    }
    Optional<String> client = apiKeys.authenticate(key.trim());
    if (client.isEmpty()) {
      ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "API_KEY_INVALID",
          "The API key is not valid or has been revoked");
      return;
    }
    request.setAttribute(CLIENT_ATTRIBUTE, client.get());
    chain.doFilter(request, response);
  }
}
