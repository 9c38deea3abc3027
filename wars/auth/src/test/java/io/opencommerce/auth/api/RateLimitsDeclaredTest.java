package io.opencommerce.auth.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.kit.web.Admission;
import io.opencommerce.kit.web.RateLimit;
import io.opencommerce.kit.web.RateLimited;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the auth API limits, and that every limit it declares can be applied: its defaults read, and
 * the account it names is a text field of the request body (or the caller).
 */
class RateLimitsDeclaredTest {
  private static final List<Class<?>> RESOURCES =
      List.of(
          SessionResource.class,
          UserResource.class,
          PasswordResetResource.class,
          ServiceTokenResource.class,
          SecurityEventResource.class,
          JwksResource.class);

  private static Stream<Method> limited() {
    return RESOURCES.stream()
        .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
        .filter(m -> m.isAnnotationPresent(RateLimited.class));
  }

  private static RateLimited limitOf(Class<?> type, String method) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> m.getName().equals(method))
        .findFirst()
        .orElseThrow()
        .getAnnotation(RateLimited.class);
  }

  @Test
  void whatAnAttackerWouldRepeatIsLimited() {
    assertThat(limitOf(SessionResource.class, "login"))
        .extracting(
            RateLimited::value,
            RateLimited::perAddress,
            RateLimited::perAccount,
            RateLimited::account)
        .containsExactly("login", "20/PT1M", "10/PT1M", "body.email");
    assertThat(limitOf(UserResource.class, "register"))
        .extracting(
            RateLimited::value,
            RateLimited::perAddress,
            RateLimited::perAccount,
            RateLimited::account)
        .containsExactly("registration", "5/PT1M", "5/PT1H", "body.email");
    assertThat(limitOf(UserResource.class, "changePassword"))
        .extracting(
            RateLimited::value,
            RateLimited::perAddress,
            RateLimited::perAccount,
            RateLimited::account)
        .containsExactly("password-change", "20/PT1M", "10/PT1M", RateLimited.CALLER);
    assertThat(limitOf(PasswordResetResource.class, "request"))
        .as("per account: PasswordResets' own hourly cap, which answers 202 all the same")
        .extracting(
            RateLimited::value,
            RateLimited::perAddress,
            RateLimited::perAccount,
            RateLimited::account)
        .containsExactly("password-reset", "5/PT1M", "", "body.email");
  }

  @Test
  void everyDeclaredLimitCanBeApplied() {
    assertThat(limited()).hasSize(4);
    limited()
        .forEach(
            method -> {
              RateLimited limit = method.getAnnotation(RateLimited.class);
              RateLimit.parse(limit.perAddress());
              RateLimit.parse(limit.perAccount());
              if (limit.account().startsWith("body.")) {
                String field = limit.account().substring("body.".length());
                assertThat(
                        Arrays.stream(method.getParameters())
                            .map(Parameter::getType)
                            .filter(Class::isRecord)
                            .flatMap(type -> Arrays.stream(type.getRecordComponents()))
                            .filter(c -> c.getType() == String.class)
                            .map(RecordComponent::getName))
                    .as("%s: the body has a text field %s", method, field)
                    .contains(field);
              } else {
                assertThat(limit.account()).as("%s", method).isIn("", RateLimited.CALLER);
              }
            });
  }

  @Test
  void everyPasswordHashingRequestAnAttackerCanRepeatIsLimited() {
    // The reset confirmation hashes too, but needs a token from an e-mail nobody can guess.
    RESOURCES.stream()
        .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
        .filter(m -> m.isAnnotationPresent(Admission.class))
        .filter(m -> !m.getName().equals("confirm"))
        .forEach(m -> assertThat(m.isAnnotationPresent(RateLimited.class)).as("%s", m).isTrue());
  }
}
