package io.opencommerce.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * The trivial endpoint {@link PlatformBenchmark} compares every scenario with: a JAX-RS GET that
 * does no work, on the same server, measured in the same run. These classes are what the benchmark
 * deploys (as {@code bench-probe.war}, see {@link ProbeDeployment}); they never ship in a service.
 * Keep this class free of anything the server does not have: it is loaded there.
 */
public final class BenchProbe {
  /** The context root the WAR's file name gives it in {@code dropins/}. */
  static final String CONTEXT_ROOT = "bench-probe";

  private BenchProbe() {}

  /** The application: every resource of the WAR, at its context root. */
  @ApplicationPath("/")
  public static class App extends Application {}

  /** {@code GET /bench-probe/hello}: a small constant JSON document. */
  @Path("hello")
  public static class Hello {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String hello() {
      return "{\"hello\":\"bench\"}";
    }
  }
}
