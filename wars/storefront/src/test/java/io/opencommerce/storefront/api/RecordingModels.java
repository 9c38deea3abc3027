package io.opencommerce.storefront.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.Constructible;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.spi.OASFactoryResolver;

/**
 * A stand-in for the runtime's OpenAPI model in unit tests (the server brings the real one): each
 * model object records what its setters, {@code add…} methods and {@link Schema#set} receive, with
 * the types they receive, and can be written back as JSON to compare with the document it came
 * from.
 */
final class RecordingModels extends OASFactoryResolver {
  /** Containers whose entries are the JSON object's own fields. */
  private static final Set<String> ENTRIES =
      Set.of("pathItems", "APIResponses", "mediaTypes", "schemes", "extensions");

  private static final Map<String, String> JSON_NAMES =
      Map.of("ref", "$ref", "defaultValue", "default", "enumeration", "enum");

  static void install() {
    OASFactoryResolver.setInstance(new RecordingModels());
  }

  @Override
  public <T extends Constructible> T createObject(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Recorder(type)));
  }

  /** What a model object received, by property (the setter's name without "set"). */
  static Map<String, Object> recorded(Object model) {
    return ((Recorder) Proxy.getInvocationHandler(model)).properties;
  }

  /** The model written back as JSON, as the runtime writes it. */
  static JsonValue json(Object value) {
    if (value instanceof Constructible && Proxy.isProxyClass(value.getClass())) {
      Recorder recorder = (Recorder) Proxy.getInvocationHandler(value);
      if (recorder.type == Schema.class && recorder.properties.containsKey("booleanSchema")) {
        return (Boolean) recorder.properties.get("booleanSchema")
            ? JsonValue.TRUE
            : JsonValue.FALSE;
      }
      JsonObjectBuilder object = Json.createObjectBuilder();
      recorder.properties.forEach(
          (name, item) -> {
            if (ENTRIES.contains(name)) {
              ((Map<?, ?>) item).forEach((key, entry) -> object.add((String) key, json(entry)));
            } else if (name.equals("type") && recorder.type == Schema.class) {
              List<?> types = (List<?>) item;
              object.add(name, types.size() == 1 ? json(types.get(0)) : json(types));
            } else {
              object.add(jsonName(recorder.type, name), json(item));
            }
          });
      return object.build();
    }
    if (value instanceof List<?> list) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      list.forEach(item -> array.add(json(item)));
      return array.build();
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      map.forEach((key, item) -> object.add((String) key, json(item)));
      return object.build();
    }
    if (value instanceof String text) {
      return Json.createValue(text);
    }
    if (value instanceof BigDecimal number) {
      return Json.createValue(number);
    }
    if (value instanceof Integer number) {
      return Json.createValue(number);
    }
    if (value instanceof Boolean bool) {
      return bool ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Enum<?> constant) {
      return Json.createValue(constant.toString());
    }
    throw new IllegalArgumentException("unexpected value in a model: " + value.getClass());
  }

  private static String jsonName(Class<?> type, String property) {
    if (type == PathItem.class && property.equals(property.toUpperCase(Locale.ROOT))) {
      return property.toLowerCase(Locale.ROOT); // GET -> get
    }
    return JSON_NAMES.getOrDefault(property, property);
  }

  private static final class Recorder implements InvocationHandler {
    private final Class<?> type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    Recorder(Class<?> type) {
      this.type = type;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      int count = args == null ? 0 : args.length;
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      if (name.equals("toString") && count == 0) {
        return type.getSimpleName() + properties;
      }
      if (name.equals("hashCode") && count == 0) {
        return System.identityHashCode(proxy);
      }
      if (name.equals("equals") && count == 1) {
        return proxy == args[0];
      }
      if (type == Schema.class && name.equals("set") && count == 2) {
        properties.put((String) args[0], args[1]);
        return proxy;
      }
      if (type == Schema.class && name.equals("setRef")) {
        properties.put("ref", args[0]);
        return null;
      }
      if (name.startsWith("set") && count == 1) {
        properties.put(property(name.substring(3)), args[0]);
        return null;
      }
      if (name.startsWith("get") && count == 0) {
        return properties.get(property(name.substring(3)));
      }
      if (name.startsWith("add") && count == 2) {
        String container = property(name.substring(3)) + "s";
        ((Map<String, Object>) properties.computeIfAbsent(container, k -> new LinkedHashMap<>()))
            .put((String) args[0], args[1]);
        return proxy;
      }
      throw new UnsupportedOperationException(type.getSimpleName() + "." + name);
    }

    /** setOperationId -> operationId, setGET -> GET, addAPIResponse -> APIResponse. */
    private static String property(String name) {
      return name.length() > 1 && Character.isUpperCase(name.charAt(1))
          ? name
          : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
  }
}
