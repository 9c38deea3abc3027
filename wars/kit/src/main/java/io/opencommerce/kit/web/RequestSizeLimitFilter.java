package io.opencommerce.kit.web;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
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
 *
 * <p>A URL-encoded form ({@code application/x-www-form-urlencoded}) is the exception: its stream is
 * left alone. The JAX-RS runtime takes {@code @FormParam}s of a POST from the servlet request's
 * parameters, and the web container parses those from the body only while nobody has asked for the
 * request's input stream; asking for it here, to wrap it, left every form parameter empty. A form
 * form's declared length ({@code Content-Length}) is checked against the limit like any other; a
 * form streamed without one (chunked) is read by the web container, bounded by the server's {@code
 * httpOptions messageSizeLimit} (liberty-config/shared/platform.xml), as every body is.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class RequestSizeLimitFilter implements ContainerRequestFilter {
  @Context ResourceInfo resource;

  private final long maxBytes =
      ConfigProvider.getConfig()
          .getOptionalValue("platform.request.max-bytes", Long.class)
          .orElse(64L * 1024);

  /** What becomes of a request's body. */
  enum Handling {
    /** No body: nothing to do. */
    NONE,
    /** Its declared length passes the limit: 413 before anything is read. */
    TOO_LARGE,
    /** A form within the limit (or of no declared length): left to the container to parse. */
    FORM,
    /** Any other body: read through a stream that fails past the limit. */
    LIMITED
  }

  @Override
  public void filter(ContainerRequestContext request) {
    long limit = limit();
    switch (handling(request.getLength(), request.hasEntity(), request.getMediaType(), limit)) {
      case TOO_LARGE -> request.abortWith(tooLarge(limit));
      case LIMITED ->
          request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
      case NONE, FORM -> {
        // Nothing to wrap: no body, or a form the container reads for its parameters.
      }
    }
  }

  /**
   * How a body of {@code declaredLength} bytes (-1: not declared) and {@code type} is held to
   * {@code limit}. Never touches the body: deciding must not take the container's stream.
   */
  static Handling handling(long declaredLength, boolean hasEntity, MediaType type, long limit) {
    if (declaredLength > limit) {
      return Handling.TOO_LARGE;
    }
    if (!hasEntity) {
      return Handling.NONE;
    }
    if (isForm(type)) {
      return Handling.FORM;
    }
    return Handling.LIMITED;
  }

  /** {@code application/x-www-form-urlencoded}, whatever its parameters (charset). */
  static boolean isForm(MediaType type) {
    return type != null
        && "application".equalsIgnoreCase(type.getType())
        && "x-www-form-urlencoded".equalsIgnoreCase(type.getSubtype());
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
