package io.opencommerce.newsletters.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneClickTest {
  @Test
  void theFormFieldSaysOneClick() {
    assertThat(OneClick.isOneClick("One-Click")).isTrue();
    assertThat(OneClick.isOneClick("One-Click\n")).isTrue();
    assertThat(OneClick.isOneClick("Maybe")).isFalse();
    assertThat(OneClick.isOneClick("one-click")).isFalse();
    assertThat(OneClick.isOneClick("")).isFalse();
    assertThat(OneClick.isOneClick(null)).isFalse();
  }

  @Test
  void aMultipartOneClickIsRead() {
    String body =
        "--b1\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b1--\r\n";
    assertThat(OneClick.asksInMultipart("multipart/form-data; boundary=b1", body)).isTrue();
    assertThat(
            OneClick.asksInMultipart(
                "multipart/form-data; boundary=b1", body.replace("One-Click", "No")))
        .isFalse();
  }

  @Test
  void anyOtherBodyIsNoOneClick() {
    assertThat(OneClick.asksInMultipart("application/json", "{\"List-Unsubscribe\":\"One-Click\"}"))
        .isFalse();
    assertThat(OneClick.asksInMultipart("multipart/form-data", "List-Unsubscribe=One-Click"))
        .as("no boundary")
        .isFalse();
    assertThat(OneClick.asksInMultipart(null, "List-Unsubscribe=One-Click")).isFalse();
  }
}
