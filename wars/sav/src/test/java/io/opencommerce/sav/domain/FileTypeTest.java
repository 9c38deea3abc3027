package io.opencommerce.sav.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypeTest {
  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void theAcceptedKindsAreRecognisedByTheirSignatures() {
    assertThat(FileType.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0)))
        .contains(FileType.PNG);
    assertThat(FileType.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).contains(FileType.JPEG);
    assertThat(FileType.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)))
        .contains(FileType.GIF);
    assertThat(FileType.sniff("GIF87a....".getBytes(StandardCharsets.US_ASCII)))
        .contains(FileType.GIF);
    assertThat(FileType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
        .contains(FileType.WEBP);
    assertThat(FileType.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
        .contains(FileType.PDF);
    assertThat(FileType.PDF.contentType()).isEqualTo("application/pdf");
  }

  @Test
  void executablesArchivesAndTheUnknownAreRefusedWhateverTheirName() {
    byte[] windows = bytes('M', 'Z', 0x90, 0, 3, 0);
    byte[] elf = bytes(0x7F, 'E', 'L', 'F', 2, 1, 1);
    byte[] zip = bytes('P', 'K', 3, 4, 20, 0);
    byte[] script = "#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.US_ASCII);
    byte[] riffNotWebp = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
    for (byte[] content : new byte[][] {windows, elf, zip, script, riffNotWebp, new byte[0]}) {
      assertThat(FileType.sniff(content)).isEmpty();
    }
    assertThat(FileType.sniff(bytes(0x89, 'P', 'N'))).as("a truncated signature").isEmpty();
    assertThat(FileType.describe(windows)).isEqualTo("a Windows executable");
    assertThat(FileType.describe(elf)).isEqualTo("an ELF executable");
    assertThat(FileType.describe(zip)).isEqualTo("a ZIP archive");
    assertThat(FileType.describe(script)).isEqualTo("a script");
    assertThat(FileType.describe(riffNotWebp)).isEqualTo("of a kind not accepted");
  }
}
