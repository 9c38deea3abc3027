package io.opencommerce.kit.web;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Caps request bodies at {@code platform.request.max-bytes} (64 KiB unless a service says
 * otherwise; an upload method names its own limit with {@link BodyLimit}): a declared larger body
 * is refused before it is read, a streamed one as soon as it passes the limit. Runs after matching
 * (to know the method) and before the body is read.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class RequestSizeLimitFilter implements ContainerRequestFilter {
  @Context ResourceInfo resource;

  private final long maxBytes =
      ConfigProvider.getConfig()
          .getOptionalValue("platform.request.max-bytes", Long.class)
          .orElse(64L * 1024);

  @Override
  public void filter(ContainerRequestContext request) {
    long limit = limit();
    if (request.getLength() > limit) {
      request.abortWith(tooLarge(limit));
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
    }
  }

  private long limit() {
    BodyLimit own =
        resource == null || resource.getResourceMethod() == null
            ? null
            : resource.getResourceMethod().getAnnotation(BodyLimit.class);
    return own == null ? maxBytes : own.bytes();
  }

  static jakarta.ws.rs.core.Response tooLarge(long maxBytes) {
    return Problems.of(ProblemException.payloadTooLarge(maxBytes));
  }

  /** Fails the read once more than the limit has been consumed. */
  static final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      count += n;
      if (count > limit) {
        throw ProblemException.payloadTooLarge(limit);
      }
    }
  }
}
