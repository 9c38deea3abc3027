package io.opencommerce.bench;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the auth service on a running platform (loopback only, bounded in time) and prints a
 * report: logins (Argon2id verification, token signing, audit and outbox writes) and authenticated
 * reads with many distinct tokens (JWT verification from the JWK set plus the Redis revocation
 * check on every request — one token would only measure Liberty's token cache). The login phase
 * spreads its logins over {@code bench.users} accounts: each account may log in 10 times a minute
 * ({@code platform.rate-limits.login.per-account}), and a 429 would measure the limit, not the
 * logins.
 *
 * <p>Run against {@code liberty-config/local/platform up}:
 *
 * <pre>
 * mvn -q -pl ear test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opencommerce.bench.AuthBenchmark [-Dbench.users=1000 -Dbench.seconds=20 -Dbench.threads=16]
 * </pre>
 */
public final class AuthBenchmark {
  private AuthBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = Integer.getInteger("bench.users", 1000);
    int seconds = Integer.getInteger("bench.seconds", 20);
    int threads = Integer.getInteger("bench.threads", 16);
    int warmup = Integer.getInteger("bench.warmup", 5);
    System.out.printf(
        "Auth benchmark against %s: %d users, %d threads, %d s per phase after %d s of warm-up%n",
        Platform.BASE, users, threads, seconds, warmup);

    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      sessions.add(Platform.registerAndLogin("bench"));
    }
    String[] tokens = sessions.stream().map(Session::accessToken).toArray(String[]::new);
    String[] emails = sessions.stream().map(Session::email).toArray(String[]::new);

    LoadRunner.report(
        "login (POST /sessions)",
        LoadRunner.measure(
            threads,
            warmup,
            Math.min(seconds, 10),
            i ->
                HttpRequest.newBuilder(URI.create(Platform.AUTH + "/sessions"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            Platform.loginJson(emails[i % emails.length], Platform.PASSWORD)))
                    .build()));
    LoadRunner.report(
        "authenticated read (GET /users/me), " + tokens.length + " distinct tokens",
        LoadRunner.measure(
            threads,
            warmup,
            seconds,
            i ->
                HttpRequest.newBuilder(URI.create(Platform.AUTH + "/users/me"))
                    .header("Authorization", "Bearer " + tokens[i % tokens.length])
                    .GET()
                    .build()));
    LoadRunner.report(
        "public read (GET /jwks)",
        LoadRunner.measure(
            threads,
            warmup,
            seconds,
            i -> HttpRequest.newBuilder(URI.create(Platform.AUTH + "/jwks")).GET().build()));
  }
}
