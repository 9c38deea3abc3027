package io.opencommerce.kit.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of every service (the kit's {@code web-fragment.xml}): what the web container
 * itself refuses before JAX-RS sees the request (an encoded {@code /} in a path, a malformed URI)
 * is answered as {@code application/problem+json} with its status and a stable code, and nothing of
 * the exception. Asked for directly, it is a 404 like any unknown path.
 */
@WebServlet(urlPatterns = "/platform-error")
public class ContainerErrorServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer c && c >= 400 ? c : 404;
    String detail =
        switch (status) {
          case 400 -> "The request is malformed (its address or headers cannot be read).";
          case 404 -> "There is nothing at this address.";
          default -> status >= 500 ? "The server could not answer." : "The request was refused.";
        };
    byte[] body =
        Problems.json(
                Problems.document(
                    status, Problems.codeOf(status), Problems.titleOf(status), detail, null))
            .getBytes(StandardCharsets.UTF_8);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(Problems.MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
