package cn.healthrisk.app.config;

import cn.healthrisk.app.security.TokenBucketLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client limits after authentication: a token bucket (429 with {@code Retry-After}) and the size of
 * JSON request bodies (413), checked on the declared Content-Length and again on the bytes actually sent,
 * since a chunked body declares none. Multipart uploads keep Spring's multipart limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@EnableConfigurationProperties(ApiProperties.class)
public class ApiLimitsFilter extends OncePerRequestFilter {
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  private final long maxBodyBytes;
  private final TokenBucketLimiter limiter;

  public ApiLimitsFilter(ApiProperties properties) {
    this.maxBodyBytes = properties.maxBodyBytes();
    this.limiter = new TokenBucketLimiter(properties.rateLimit().perSecond(), properties.rateLimit().burst(),
        System::nanoTime);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiErrors.isProtected(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Object client = request.getAttribute(ApiKeyFilter.CLIENT_ATTRIBUTE);
    if (client == null) {
      chain.doFilter(request, response);
      return;
    }
    long wait = limiter.acquire(client.toString());
    if (wait > 0) {
      response.setHeader("Retry-After", Long.toString(wait));
      ApiErrors.write(response, 429, "RATE_LIMITED",
          "Too many requests for this API client; retry after " + wait + " s");
      return;
    }
    if (!WITH_BODY.contains(request.getMethod()) || isMultipart(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      tooLarge(response);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      tooLarge(response);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    ApiErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "PAYLOAD_TOO_LARGE",
        "The request body is larger than the limit of " + maxBodyBytes + " bytes");
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while (out.size() < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) != -1) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The request with its body already read (and within the limit), so controllers read it as usual. */
  private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body is already buffered");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
