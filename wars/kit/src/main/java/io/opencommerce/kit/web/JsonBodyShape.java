package io.opencommerce.kit.web;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.kit.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Holds a JSON request body to the shape of the record it is read into, before JSON-B reads it:
 * JSON-B takes an array holding the object for the object itself, and turns a number or a boolean
 * into a string. A record must come as an object (a body that is not one is {@code
 * malformed-json}), a text field as a string, a list as an array, a true/false field as a boolean,
 * a map as an object: anything else is a 400 naming the field ({@code body.line1}), and nothing is
 * read. Bodies that are not JSON, or not read into a record, pass as they are.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class JsonBodyShape implements ReaderInterceptor {
  /** A record's components, read once per class: every request body is checked against them. */
  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          return type.getRecordComponents();
        }
      };

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!context.getType().isRecord() || !isJson(context.getMediaType())) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    context.setInputStream(new ByteArrayInputStream(body));
    if (body.length == 0) {
      return context.proceed();
    }
    JsonValue json;
    try (var reader =
        Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
      json = reader.readValue();
    } catch (JsonParsingException | IllegalStateException e) {
      return context.proceed(); // not JSON: JSON-B says so, as for any malformed body
    }
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ProblemException.malformedJson("The request body must be a JSON object.");
    }
    List<FieldViolation> wrong = new ArrayList<>();
    check(json, context.getGenericType(), "", wrong);
    if (!wrong.isEmpty()) {
      throw ProblemException.invalidBody(
          wrong.stream().sorted(java.util.Comparator.comparing(FieldViolation::field)).toList());
    }
    return context.proceed();
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && ("json".equalsIgnoreCase(type.getSubtype())
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  /** Adds to {@code wrong} each place of {@code json} that does not fit {@code type}. */
  static void check(JsonValue json, Type type, String path, List<FieldViolation> wrong) {
    if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
      return; // absent: Bean Validation says whether it is required
    }
    Class<?> raw = raw(type);
    if (raw == null) {
      return;
    }
    if (raw.isRecord()) {
      if (!(json instanceof JsonObject object)) {
        wrong.add(new FieldViolation(path, "must be a JSON object"));
        return;
      }
      for (RecordComponent component : COMPONENTS.get(raw)) {
        check(
            object.get(component.getName()),
            component.getGenericType(),
            path.isEmpty() ? component.getName() : path + "." + component.getName(),
            wrong);
      }
    } else if (raw == String.class) {
      if (json.getValueType() != JsonValue.ValueType.STRING) {
        wrong.add(new FieldViolation(path, "must be a string"));
      }
    } else if (raw == boolean.class || raw == Boolean.class) {
      if (json.getValueType() != JsonValue.ValueType.TRUE
          && json.getValueType() != JsonValue.ValueType.FALSE) {
        wrong.add(new FieldViolation(path, "must be true or false"));
      }
    } else if (java.util.Map.class.isAssignableFrom(raw)) {
      if (!(json instanceof JsonObject object)) {
        wrong.add(new FieldViolation(path, "must be a JSON object"));
        return;
      }
      Type value = typeArgument(type, 1);
      for (var entry : object.entrySet()) {
        if (value != null) {
          check(entry.getValue(), value, path + "." + entry.getKey(), wrong);
        }
      }
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (!(json instanceof JsonArray array)) {
        wrong.add(new FieldViolation(path, "must be a JSON array"));
        return;
      }
      Type element = typeArgument(type, 0);
      for (int i = 0; i < array.size() && element != null; i++) {
        check(array.get(i), element, path + "[" + i + "]", wrong);
      }
    }
  }

  /** The {@code index}th type argument of a generic type ({@code Map<K, V>}: 1 is V), if given. */
  private static Type typeArgument(Type type, int index) {
    return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
        ? p.getActualTypeArguments()[index]
        : null;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }
}
