package dev.avance.api.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A POST whose body was read once, up front, so that its hash is known before the handler runs and
 * the handler still reads it whole. A body over the limit is marked {@link #tooLarge()} and not
 * kept.
 */
final class IdempotentRequest extends HttpServletRequestWrapper {
  private final byte[] body;
  private final boolean tooLarge;

  private IdempotentRequest(HttpServletRequest request, byte[] body, boolean tooLarge) {
    super(request);
    this.body = body;
    this.tooLarge = tooLarge;
  }

  static IdempotentRequest read(HttpServletRequest request, long maxBytes) throws IOException {
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      boolean tooLarge = body.length > maxBytes;
      return new IdempotentRequest(request, tooLarge ? new byte[0] : body, tooLarge);
    }
  }

  byte[] body() {
    return body;
  }

  boolean tooLarge() {
    return tooLarge;
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
        throw new UnsupportedOperationException("synchronous reads only");
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
