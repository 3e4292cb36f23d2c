package cn.healthrisk.app.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API clients (insurers) by the {@code X-Api-Key} header against SHA-256 hashes from
 * {@code ENGINE_API_KEYS} ({@code clientId=sha256hex,...}); the key itself is never stored. The
 * client id is handed to controllers as the request attribute {@code apiClientId}.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {
  public static final String CLIENT_ATTRIBUTE = "apiClientId";
  private final Map<String, String> clientByHash = new LinkedHashMap<>();

  public ApiKeyFilter(@Value("${ENGINE_API_KEYS:${engine.api.keys:}}") String keys) {
    for (String entry : keys.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.indexOf('=');
      if (eq <= 0 || e.length() - eq - 1 != 64) {
        throw new IllegalArgumentException("ENGINE_API_KEYS entries must be clientId=<sha256 hex of the key>; got '"
            + e.substring(0, Math.max(0, eq)) + "=...'");
      }
      clientByHash.put(e.substring(eq + 1).toLowerCase(java.util.Locale.ROOT), e.substring(0, eq));
    }
  }

  public static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader("X-Api-Key");
    String client = key == null || key.isBlank() ? null : clientByHash.get(hash(key));
    if (client == null) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write(key == null || key.isBlank()
          ? "{\"error\":\"API_KEY_MISSING\",\"message\":\"Send your API key in the X-Api-Key header\"}"
          : "{\"error\":\"API_KEY_INVALID\",\"message\":\"The API key is not valid\"}");
      return;
    }
    request.setAttribute(CLIENT_ATTRIBUTE, client);
    chain.doFilter(request, response);
  }
}
