package io.opencommerce.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.RequestSizeLimitFilter.Handling;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestSizeLimitFilterTest {
  @Test
  void passesBodiesUpToTheLimit() throws Exception {
    InputStream in =
        new RequestSizeLimitFilter.LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);
    assertThat(in.readAllBytes()).hasSize(100);
  }

  @Test
  void failsTheReadThatPassesTheLimit() {
    InputStream in =
        new RequestSizeLimitFilter.LimitedInputStream(new ByteArrayInputStream(new byte[101]), 100);
    assertThatThrownBy(in::readAllBytes)
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(413));
  }

  private static final MediaType JSON = new MediaType("application", "json");
  private static final MediaType FORM = new MediaType("application", "x-www-form-urlencoded");
  private static final MediaType FORM_UTF8 =
      new MediaType("application", "x-www-form-urlencoded", "UTF-8");
  private static final MediaType MULTIPART = new MediaType("multipart", "form-data");

  @Test
  void aDeclaredLengthPastTheLimitIsRefusedBeforeAnythingIsRead() {
    assertThat(RequestSizeLimitFilter.handling(101, true, JSON, 100)).isEqualTo(Handling.TOO_LARGE);
    assertThat(RequestSizeLimitFilter.handling(101, true, FORM, 100)).isEqualTo(Handling.TOO_LARGE);
  }

  @Test
  void bodiesOtherThanFormsAreReadThroughTheLimit() {
    assertThat(RequestSizeLimitFilter.handling(100, true, JSON, 100)).isEqualTo(Handling.LIMITED);
    // Streamed without a declared length: the stream fails once past the limit.
    assertThat(RequestSizeLimitFilter.handling(-1, true, JSON, 100)).isEqualTo(Handling.LIMITED);
    assertThat(RequestSizeLimitFilter.handling(-1, true, MULTIPART, 100))
        .isEqualTo(Handling.LIMITED);
    assertThat(RequestSizeLimitFilter.handling(-1, true, null, 100)).isEqualTo(Handling.LIMITED);
    assertThat(RequestSizeLimitFilter.handling(-1, false, null, 100)).isEqualTo(Handling.NONE);
  }

  @Test
  void aFormOfADeclaredLengthIsLeftToTheContainerSoThatItsParametersAreRead() {
    assertThat(RequestSizeLimitFilter.handling(26, true, FORM, 100)).isEqualTo(Handling.FORM);
    assertThat(RequestSizeLimitFilter.handling(26, true, FORM_UTF8, 100)).isEqualTo(Handling.FORM);
    assertThat(RequestSizeLimitFilter.handling(0, true, FORM, 100)).isEqualTo(Handling.FORM);
    assertThat(
            RequestSizeLimitFilter.handling(
                26, true, new MediaType("Application", "X-WWW-Form-UrlEncoded"), 100))
        .isEqualTo(Handling.FORM);
  }

  @Test
  void aFormWithoutADeclaredLengthIsLeftToTheContainer() {
    assertThat(RequestSizeLimitFilter.handling(-1, true, FORM, 100)).isEqualTo(Handling.FORM);
  }

  @Test
  void onlyUrlEncodedFormsAreForms() {
    assertThat(RequestSizeLimitFilter.isForm(FORM_UTF8)).isTrue();
    assertThat(RequestSizeLimitFilter.isForm(MULTIPART)).isFalse();
    assertThat(RequestSizeLimitFilter.isForm(new MediaType("application", "*"))).isFalse();
    assertThat(RequestSizeLimitFilter.isForm(new MediaType())).isFalse();
    assertThat(RequestSizeLimitFilter.isForm(null)).isFalse();
  }
}
