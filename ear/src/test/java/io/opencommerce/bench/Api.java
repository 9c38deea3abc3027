package io.opencommerce.bench;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The platform's REST API as the benchmark calls it: every request goes to the one base URL, which
 * must be on this machine (loopback), over HTTP/1.1 (no h2c upgrade) through one client whose pool
 * keeps a connection per concurrent request.
 */
final class Api {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String base;
  private final HttpClient http;

  Api(String baseUrl) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    URI uri = URI.create(base);
    if (!isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "bench.url must point at this machine (loopback), not " + uri.getHost());
    }
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  String base() {
    return base;
  }

  /** A request to {@code path} (from the server root, e.g. {@code /auth/api/jwks}). */
  HttpRequest.Builder to(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
  }

  HttpRequest get(String path, String token) {
    return authorized(to(path), token).GET().build();
  }

  HttpRequest send(String method, String path, String json, String token) {
    HttpRequest.Builder request = authorized(to(path), token);
    if (json == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return request
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  Answer exchange(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response.headers());
  }

  /**
   * For setting up and checking, not for measuring: retries what the platform turned away for now
   * (503 with {@code Retry-After}) a few times, and fails on anything but {@code expected}.
   */
  Answer call(HttpRequest request, int expected) {
    try {
      for (int attempt = 1; ; attempt++) {
        Answer answer = exchange(request);
        if (answer.status() == expected) {
          return answer;
        }
        if (!answer.isShed() || attempt == 5) {
          throw new IllegalStateException(
              request.method()
                  + " "
                  + request.uri()
                  + " answered "
                  + answer.status()
                  + " (expected "
                  + expected
                  + "): "
                  + answer.body());
        }
        Thread.sleep(Math.min(2_000, 1_000L * answer.retryAfterSeconds()));
      }
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  /** One HTTP answer. */
  record Answer(int status, String body, HttpHeaders headers) {
    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    /** 503 with {@code Retry-After}: the platform turned the request away before doing its work. */
    boolean isShed() {
      return status == 503 && headers.firstValue("Retry-After").isPresent();
    }

    long retryAfterSeconds() {
      try {
        return Long.parseLong(headers.firstValue("Retry-After").orElse("1").trim());
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    /**
     * The status and, for an RFC 9457 problem, its {@code code} ({@code 409 basket-empty}); status
     * 0 stands for no answer at all, its body naming the exception.
     */
    String describe() {
      if (status == 0) {
        return "no answer (" + body + ")";
      }
      if (headers.firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
        try {
          return (status + " " + json().getString("code", "")).strip();
        } catch (JsonException | ClassCastException e) {
          return String.valueOf(status);
        }
      }
      return String.valueOf(status);
    }
  }
}
