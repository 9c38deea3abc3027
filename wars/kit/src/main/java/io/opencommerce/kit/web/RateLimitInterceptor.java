package io.opencommerce.kit.web;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-account part of {@link RateLimited}: the account is in the request body (an e-mail) or is
 * the caller, so it runs on the resource method, once JAX-RS has read and validated the body into
 * its record, and before the method's work and its {@link Admission} (a lower priority runs first):
 * a limited login hashes nothing and waits for no hashing slot.
 */
@RateLimited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 50)
public class RateLimitInterceptor {
  private static final String BODY = "body.";

  /** A record's text components by name, read once per class. */
  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> accessors = new HashMap<>();
          for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == String.class) {
              accessors.put(component.getName(), component.getAccessor());
            }
          }
          return accessors;
        }
      };

  @Inject RateLimits limits;
  @Inject CurrentUser caller;

  @AroundInvoke
  Object limit(InvocationContext invocation) throws Exception {
    RateLimited binding =
        RateLimits.bindingOf(invocation.getMethod(), invocation.getMethod().getDeclaringClass());
    if (binding != null && !binding.account().isEmpty()) {
      ProblemException exceeded =
          limits.byAccount(binding, account(binding.account(), invocation.getParameters()));
      if (exceeded != null) {
        throw exceeded;
      }
    }
    return invocation.proceed();
  }

  /** The account {@code where} names, from the caller or the method's arguments; null if none. */
  String account(String where, Object[] arguments) throws ReflectiveOperationException {
    if (where.equals(RateLimited.CALLER)) {
      return caller.isAuthenticated() ? caller.token().getSubject() : null;
    }
    if (!where.startsWith(BODY) || where.length() == BODY.length()) {
      throw new IllegalStateException(
          "@RateLimited(account = \""
              + where
              + "\"): name the caller or a component of the body (body.email)");
    }
    return fromBody(where.substring(BODY.length()), arguments);
  }

  /** The text component {@code name} of the first record argument that has one; null if none. */
  static String fromBody(String name, Object[] arguments) throws ReflectiveOperationException {
    for (Object argument : arguments) {
      if (argument != null && argument.getClass().isRecord()) {
        Method accessor = ACCESSORS.get(argument.getClass()).get(name);
        if (accessor != null) {
          return (String) accessor.invoke(argument);
        }
      }
    }
    return null;
  }
}
