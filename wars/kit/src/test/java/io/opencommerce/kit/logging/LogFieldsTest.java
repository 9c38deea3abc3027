package io.opencommerce.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Outside Liberty there is no place for fields: the message is written alone, at its level. */
class LogFieldsTest {

  @Test
  void theMessageIsWrittenWhereFieldsCannotBe() {
    Logger logger = Logger.getLogger("io.opencommerce.kit.logging.test");
    List<LogRecord> written = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            written.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    logger.setUseParentHandlers(false);
    try {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("securityAction", "login-failed");
      fields.put("target", null);
      LogFields.log(logger, Level.WARNING, "Security login-failed denied", fields);
      logger.setLevel(Level.WARNING);
      LogFields.log(logger, Level.INFO, "below the logger's level", fields);
      LogFields.always("traceId", () -> "4bf92f3577b34da6a3ce929d0e0e4736");
    } finally {
      logger.removeHandler(capture);
    }

    assertThat(written).hasSize(1);
    assertThat(written.get(0).getLevel()).isEqualTo(Level.WARNING);
    assertThat(written.get(0).getMessage()).isEqualTo("Security login-failed denied");
  }
}
