package io.opencommerce.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The trivial endpoint ({@link BenchProbe}) as a WAR in the server's {@code dropins/} folder for
 * the length of one run: written whole (built beside the folder, then moved in), and deleted again
 * when the run ends, however it ends.
 */
final class ProbeDeployment implements AutoCloseable {
  /** Where the probe answers once Liberty has started it. */
  static final String PATH = "/" + BenchProbe.CONTEXT_ROOT + "/hello";

  private final Path war;
  private final Thread cleanup;

  private ProbeDeployment(Path war) {
    this.war = war;
    this.cleanup = new Thread(this::delete, "bench probe cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /** Builds the WAR and puts it at {@code war} (a file in the server's dropins folder). */
  static ProbeDeployment deploy(Path war) throws IOException {
    Path dropins = war.toAbsolutePath().getParent();
    if (!Files.isDirectory(dropins)) {
      throw new IOException("no dropins folder at " + dropins);
    }
    Path staging = dropins.resolveSibling("." + war.getFileName() + ".part");
    ShrinkWrap.create(WebArchive.class, BenchProbe.CONTEXT_ROOT + ".war")
        .addClasses(BenchProbe.class, BenchProbe.App.class, BenchProbe.Hello.class)
        .as(ZipExporter.class)
        .exportTo(staging.toFile(), true);
    ProbeDeployment deployment = new ProbeDeployment(war);
    try {
      Files.move(staging, war, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(staging);
      deployment.close();
      throw e;
    }
    return deployment;
  }

  /** Whether {@code GET /bench-probe/hello} answered 200 within {@code timeout}. */
  static boolean answers(Api api, Duration timeout) throws InterruptedException {
    return waitFor(api, 200, timeout);
  }

  /** Whether the probe is gone (404) within {@code timeout}, after {@link #close()}. */
  static boolean gone(Api api, Duration timeout) throws InterruptedException {
    return waitFor(api, 404, timeout);
  }

  private static boolean waitFor(Api api, int status, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      try {
        if (api.exchange(api.get(PATH, null)).status() == status) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet, or restarting: ask again
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    return false;
  }

  @Override
  public void close() {
    delete();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it deletes the same file
    }
  }

  private void delete() {
    try {
      Files.deleteIfExists(war);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + war + ": delete it by hand", e);
    }
  }
}
