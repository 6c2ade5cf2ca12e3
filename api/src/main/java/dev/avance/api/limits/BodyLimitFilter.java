package dev.avance.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the bytes a request body may have, whatever its Content-Length says (a chunked body has
 * none): reading past the cap fails with {@link BodyTooLarge}, which the problem mapping answers
 * {@code 413}. A declared length past the cap is refused before anything is read, by {@link
 * BodyLimitInterceptor}.
 */
public class BodyLimitFilter extends OncePerRequestFilter {
  /** The bank's files have a cap of their own (10 MiB), checked where they are read. */
  static final String BANK_UPLOAD = "/ops/bank/messages";

  private final LimitsProperties limits;

  public BodyLimitFilter(LimitsProperties limits) {
    this.limits = limits;
  }

  /** Reading past the cap. An IOException, so that it reaches the reader of the body as one. */
  public static final class BodyTooLarge extends IOException {
    public BodyTooLarge(long max) {
      super("the request body is larger than " + max + " bytes");
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().equals(BANK_UPLOAD);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new Capped(request, limits.maxBodyBytes()), response);
  }

  private static final class Capped extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream stream;

    Capped(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws BodyTooLarge {
                read += n;
                if (read > max) {
                  throw new BodyTooLarge(max);
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
