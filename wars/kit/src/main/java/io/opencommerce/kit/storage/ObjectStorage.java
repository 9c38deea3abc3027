package io.opencommerce.kit.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's bucket on MinIO or any S3. Configured by {@code storage.endpoint}, {@code
 * storage.access-key}, {@code storage.secret-key}, {@code storage.region} and {@code
 * storage.bucket}; a service without {@code storage.bucket} does not use object storage. Files
 * leave through presigned URLs, so object data never streams through the service on reads.
 */
@ApplicationScoped
public class ObjectStorage {
  private static final Logger LOG = Logger.getLogger(ObjectStorage.class.getName());

  private Optional<String> bucket;
  private MinioClient client;

  @Resource ManagedScheduledExecutorService scheduler;

  @PostConstruct
  void init() {
    bucket = ConfigProvider.getConfig().getOptionalValue("storage.bucket", String.class);
  }

  /**
   * A service that uses object storage owns its bucket: it is created once the service is up, and
   * retried every 10 s while the storage cannot be reached (readiness reports it meanwhile).
   */
  void onStart(@Observes Startup startup) {
    if (isConfigured()) {
      scheduler.submit(this::createBucket);
    }
  }

  private void createBucket() {
    try {
      ensureBucket();
    } catch (Exception e) {
      LOG.log(
          Level.WARNING,
          "Bucket {0} cannot be created yet ({1}); retrying in 10 s",
          new Object[] {bucket(), e.toString()});
      scheduler.schedule(this::createBucket, 10, TimeUnit.SECONDS);
    }
  }

  /** Whether this service is configured to use object storage at all. */
  public boolean isConfigured() {
    return bucket.isPresent();
  }

  public String bucket() {
    return bucket.orElseThrow(() -> new IllegalStateException("storage.bucket is not configured"));
  }

  private synchronized MinioClient client() {
    if (client == null) {
      Config config = ConfigProvider.getConfig();
      client =
          MinioClient.builder()
              .endpoint(
                  config
                      .getOptionalValue("storage.endpoint", String.class)
                      .orElse("http://127.0.0.1:9000"))
              .region(config.getOptionalValue("storage.region", String.class).orElse("us-east-1"))
              .credentials(
                  config.getValue("storage.access-key", String.class),
                  config.getValue("storage.secret-key", String.class))
              .build();
    }
    return client;
  }

  /**
   * Creates the bucket if it is not there yet. Idempotent: when replicas (or a start-up task and a
   * caller) race to create it, the loser finds it already owned and is content.
   */
  public void ensureBucket() throws Exception {
    if (bucketExists()) {
      return;
    }
    try {
      client().makeBucket(MakeBucketArgs.builder().bucket(bucket()).build());
      LOG.info(() -> "Created bucket " + bucket());
    } catch (ErrorResponseException e) {
      if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
        throw e;
      }
    }
  }

  public boolean bucketExists() throws Exception {
    return client().bucketExists(BucketExistsArgs.builder().bucket(bucket()).build());
  }

  public void put(String key, InputStream data, long size, String contentType) throws Exception {
    client()
        .putObject(
            PutObjectArgs.builder().bucket(bucket()).object(key).stream(data, size, -1L)
                .contentType(contentType)
                .build());
  }

  /**
   * The object's content, read whole: for small objects the service itself needs (a template, a
   * document it renders), never for what clients download (they get presigned URLs).
   */
  public byte[] get(String key) throws Exception {
    try (InputStream in =
        client().getObject(GetObjectArgs.builder().bucket(bucket()).object(key).build())) {
      return in.readAllBytes();
    }
  }

  public StatObjectResponse stat(String key) throws Exception {
    return client().statObject(StatObjectArgs.builder().bucket(bucket()).object(key).build());
  }

  public void delete(String key) throws Exception {
    client().removeObject(RemoveObjectArgs.builder().bucket(bucket()).object(key).build());
  }

  /** A URL anyone holding it can GET the object from, until {@code validity} has passed. */
  public String presignedGet(String key, Duration validity) throws Exception {
    return client()
        .getPresignedObjectUrl(
            GetPresignedObjectUrlArgs.builder()
                .method(Http.Method.GET)
                .bucket(bucket())
                .object(key)
                .expiry((int) validity.toSeconds())
                .build());
  }

  @PreDestroy
  synchronized void close() {
    if (client != null) {
      try {
        client.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "Closing the object storage client failed", e);
      }
      client = null;
    }
  }
}
