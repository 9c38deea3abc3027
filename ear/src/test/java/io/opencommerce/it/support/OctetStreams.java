package io.opencommerce.it.support;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a {@code byte[]} request body as it is ({@code application/octet-stream}). MicroShed
 * Testing's client writes every body with JSON-B, a byte array as a JSON array of numbers; a
 * client-jar suite that uploads a file registers this writer ({@code
 * RestClientBuilder.withProviders(OctetStreams.class, JsonBProvider.class)}: naming providers
 * replaces the default ones), as a real MicroProfile REST client needs nothing of the kind.
 */
@Provider
@Produces(MediaType.APPLICATION_OCTET_STREAM)
public class OctetStreams implements MessageBodyWriter<byte[]> {
  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == byte[].class;
  }

  @Override
  public void writeTo(
      byte[] bytes,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException {
    out.write(bytes);
  }
}
