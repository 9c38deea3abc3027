package io.opencommerce.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class ProcessingExceptionMapperTest {
  @Test
  void aServiceThatCannotBeReachedIsAnOutage() {
    assertThat(
            ProcessingExceptionMapper.unreachable(
                new ProcessingException(new ConnectException("Connection refused"))))
        .isTrue();
    assertThat(
            ProcessingExceptionMapper.unreachable(
                new ProcessingException(
                    new RuntimeException(new SocketTimeoutException("Read timed out")))))
        .isTrue();
    assertThat(
            ProcessingExceptionMapper.unreachable(
                new ProcessingException(new HttpTimeoutException("request timed out"))))
        .isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(
            ProcessingExceptionMapper.unreachable(
                new ProcessingException(new JsonbException("Unexpected char"))))
        .isFalse();
    assertThat(ProcessingExceptionMapper.unreachable(new ProcessingException("broken"))).isFalse();
  }
}
