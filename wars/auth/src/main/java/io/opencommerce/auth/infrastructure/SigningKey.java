package io.opencommerce.auth.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.opencommerce.kit.config.DevelopmentValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The RSA key access tokens are signed with. Comes from {@code auth.jwt.private-key} (PKCS#8 PEM,
 * e.g. from a Secret) or the file at {@code auth.jwt.private-key.location} (a mounted Secret). For
 * local runs only, {@code auth.jwt.private-key.generate=true} creates that file on first start. Its
 * public half is published as a JWK set; the key id is its RFC 7638 thumbprint.
 */
@ApplicationScoped
public class SigningKey {
  private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());

  private RSAKey key;

  @PostConstruct
  void init() {
    key = load(ConfigProvider.getConfig());
  }

  public RSAKey key() {
    return key;
  }

  /** The public key set every service verifies tokens with. */
  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  static RSAKey load(Config config) {
    Optional<String> pem = config.getOptionalValue("auth.jwt.private-key", String.class);
    if (pem.isPresent() && !pem.get().isBlank()) {
      return fromPem(pem.get());
    }
    Path location =
        Path.of(
            config
                .getOptionalValue("auth.jwt.private-key.location", String.class)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "Configure auth.jwt.private-key or auth.jwt.private-key.location")));
    boolean generate =
        config.getOptionalValue("auth.jwt.private-key.generate", Boolean.class).orElse(false);
    if (generate && !DevelopmentValues.isLocal()) {
      throw new IllegalStateException(
          "auth.jwt.private-key.generate is for the local platform only: give this environment its"
              + " own signing key (auth.jwt.private-key or auth.jwt.private-key.location)");
    }
    try {
      if (!Files.exists(location) && generate) {
        generate(location);
      }
      return fromPem(Files.readString(location, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the signing key at " + location, e);
    }
  }

  /** Reads an RSA private key in PKCS#8 PEM, with its public half and thumbprint key id. */
  public static RSAKey fromPem(String pem) {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey privateKey =
          (RSAPrivateCrtKey)
              rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      RSAPublicKey publicKey =
          (RSAPublicKey)
              rsa.generatePublic(
                  new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      return new RSAKey.Builder(publicKey)
          .privateKey(privateKey)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
          .keyIDFromThumbprint()
          .build();
    } catch (GeneralSecurityException
        | IllegalArgumentException
        | JOSEException
        | ClassCastException e) {
      throw new IllegalStateException("The signing key is not an RSA private key in PKCS#8 PEM", e);
    }
  }

  private static void generate(Path location) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(der)
              + "\n-----END PRIVATE KEY-----\n";
      Files.createDirectories(location.toAbsolutePath().getParent());
      Files.writeString(location, pem, StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(location, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        LOG.fine("File permissions not supported here");
      }
      LOG.warning(
          () -> "Generated a new token signing key at " + location + " (for local runs only)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is missing from this JVM", e);
    }
  }
}
