package io.opencommerce.kit.problem;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bean Validation failures on a resource method: 400 {@code validation-failed} naming each field by
 * where it came in, as {@link ProblemException} defines ({@code body.email}, {@code
 * body.lines[0].quantity}, {@code query.limit}, {@code path.id}, {@code header.Idempotency-Key}),
 * and why. The place is read from the resource method's JAX-RS annotations, so a field is named as
 * the client sent it, whatever the Java parameter is called.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException e) {
    return Problems.of(
        ProblemException.invalid(
            sorted(
                e.getConstraintViolations().stream()
                    .map(v -> new FieldViolation(fieldOf(v), v.getMessage()))
                    .toList())));
  }

  /**
   * A request body validated by hand (one read from raw bytes, say), reported as a body validated
   * on the way in is: each field named {@code body.<path>}.
   */
  public static ProblemException invalidBody(Set<? extends ConstraintViolation<?>> violations) {
    return ProblemException.invalidBody(
        sorted(
            violations.stream()
                .map(v -> new FieldViolation(propertyPath(v.getPropertyPath()), v.getMessage()))
                .toList()));
  }

  private static List<FieldViolation> sorted(List<FieldViolation> violations) {
    return violations.stream().sorted(Comparator.comparing(FieldViolation::field)).toList();
  }

  /**
   * The field a violation of a resource method's parameter is about, named as the client sent it.
   */
  static String fieldOf(ConstraintViolation<?> violation) {
    Path.MethodNode method = null;
    Path.ParameterNode parameter = null;
    List<Path.Node> rest = new ArrayList<>();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
      } else if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.as(Path.ParameterNode.class);
      } else if (parameter != null) {
        rest.add(node);
      }
    }
    if (method == null || parameter == null) {
      return "body";
    }
    Optional<Parameter> declared =
        declaredParameter(violation.getRootBeanClass(), method, parameter.getParameterIndex());
    String inside = join(rest);
    if (declared.isEmpty()) {
      return inside.isEmpty() ? parameter.getName() : "body." + inside;
    }
    if (declared.get().isAnnotationPresent(BeanParam.class) && !rest.isEmpty()) {
      // A field of a bean parameter: its own annotation says where it came in.
      String field = rest.get(0).getName();
      Optional<String> place = fieldOfBean(declared.get().getType(), field);
      if (place.isPresent()) {
        return place.get();
      }
    }
    return place(declared.get()).orElse(inside.isEmpty() ? "body" : "body." + inside);
  }

  /** {@code query.<name>} and the like for a parameter read from the request line or headers. */
  private static Optional<String> place(AnnotatedElement element) {
    for (Annotation annotation : element.getAnnotations()) {
      if (annotation instanceof QueryParam q) {
        return Optional.of("query." + q.value());
      } else if (annotation instanceof PathParam p) {
        return Optional.of("path." + p.value());
      } else if (annotation instanceof HeaderParam h) {
        return Optional.of("header." + h.value());
      } else if (annotation instanceof CookieParam c) {
        return Optional.of("cookie." + c.value());
      } else if (annotation instanceof FormParam f) {
        return Optional.of("form." + f.value());
      } else if (annotation instanceof MatrixParam m) {
        return Optional.of("matrix." + m.value());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> fieldOfBean(Class<?> bean, String field) {
    for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
      try {
        return place(type.getDeclaredField(field));
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    return Optional.empty();
  }

  /**
   * The parameter as the resource class declares it. The validated instance may be a CDI subclass
   * whose overriding method carries no parameter annotations, so the class hierarchy is searched
   * for the declaration that has them.
   */
  private static Optional<Parameter> declaredParameter(
      Class<?> root, Path.MethodNode method, int index) {
    Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
    Parameter fallback = null;
    for (Class<?> type = root; type != null && type != Object.class; type = type.getSuperclass()) {
      try {
        Method declared = type.getDeclaredMethod(method.getName(), types);
        Parameter candidate = declared.getParameters()[index];
        if (candidate.getAnnotations().length > 0) {
          return Optional.of(candidate);
        }
        fallback = fallback == null ? candidate : fallback;
      } catch (NoSuchMethodException | ArrayIndexOutOfBoundsException e) {
        // declared higher up
      }
    }
    return Optional.ofNullable(fallback);
  }

  /**
   * The path within a value: {@code lines[0].quantity}. Bean Validation puts an element's index (or
   * key) on the node after the collection; it belongs to the collection's name.
   */
  private static String join(List<Path.Node> nodes) {
    List<String> parts = new ArrayList<>();
    for (Path.Node node : nodes) {
      Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
      if (node.isInIterable() && position != null && !parts.isEmpty()) {
        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        parts.add(node.getName());
      }
    }
    return String.join(".", parts);
  }

  /** The path of a property of a bean validated by hand. */
  private static String propertyPath(Path path) {
    List<Path.Node> nodes = new ArrayList<>();
    path.forEach(nodes::add);
    return join(nodes);
  }
}
