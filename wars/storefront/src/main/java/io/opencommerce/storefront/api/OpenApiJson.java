package io.opencommerce.storefront.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Constructible;
import org.eclipse.microprofile.openapi.models.Extensible;
import org.eclipse.microprofile.openapi.models.ExternalDocumentation;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.Reference;
import org.eclipse.microprofile.openapi.models.callbacks.Callback;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Discriminator;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.XML;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * An OpenAPI 3.1 document in JSON turned into the MicroProfile OpenAPI model, with JSON-P and
 * {@link OASFactory} only: the runtime's own document parser is not an API applications can use.
 *
 * <p>Each JSON object becomes the model object of its place in the document (a path item, an
 * operation, a parameter…), each field goes to the setter of the same name (case aside: {@code get}
 * is {@code setGET}), converted to the setter's parameter type; the keyed containers (paths,
 * responses, content, callbacks, security requirements) take their entries one by one, and a schema
 * takes its keywords through {@link Schema#set}. A field the model has no place for fails the
 * conversion with its location (a JSON pointer), so that a document is served whole or not at all.
 * JSON {@code null} is read as an absent field.
 */
final class OpenApiJson {
  /** JSON names whose setter has another name. */
  private static final Map<String, String> SETTER_NAMES =
      Map.of("enum", "enumeration", "default", "defaultValue");

  /** Schema keywords whose value is a schema, a list of schemas, or a map of schemas. */
  private static final Set<String> SCHEMA =
      Set.of(
          "items",
          "not",
          "if",
          "then",
          "else",
          "contains",
          "propertyNames",
          "additionalProperties",
          "unevaluatedItems",
          "unevaluatedProperties",
          "contentSchema");

  private static final Set<String> SCHEMA_LIST = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
  private static final Set<String> SCHEMA_MAP =
      Set.of("properties", "patternProperties", "dependentSchemas", "$defs");

  /**
   * Schema keywords the model types as numbers ({@link BigDecimal}) or counts ({@link Integer}).
   */
  private static final Set<String> NUMBERS =
      Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");

  private static final Set<String> COUNTS =
      Set.of(
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "minProperties",
          "maxProperties",
          "minContains",
          "maxContains");

  private OpenApiJson() {}

  /**
   * The model of a whole document.
   *
   * @throws IllegalArgumentException naming the first field that does not fit the model
   */
  static OpenAPI toModel(JsonObject document) {
    return (OpenAPI) model(OpenAPI.class, document, "#");
  }

  private static Object model(Class<?> type, JsonValue json, String at) {
    if (type == Schema.class) {
      return schema(json, at);
    }
    JsonObject object = object(json, at);
    Object model = OASFactory.createObject(type.asSubclass(Constructible.class));
    for (Map.Entry<String, JsonValue> field : object.entrySet()) {
      String name = field.getKey();
      JsonValue value = field.getValue();
      String here = child(at, name);
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      if (name.startsWith("x-") && model instanceof Extensible<?> extensible) {
        extensible.addExtension(name, plain(value));
      } else if (name.equals("$ref") && model instanceof Reference<?> reference) {
        reference.setRef(string(value, here));
      } else if (model instanceof Paths paths) {
        paths.addPathItem(name, (PathItem) model(PathItem.class, value, here));
      } else if (model instanceof Callback callback) {
        callback.addPathItem(name, (PathItem) model(PathItem.class, value, here));
      } else if (model instanceof APIResponses responses) {
        APIResponse response = (APIResponse) model(APIResponse.class, value, here);
        if (name.equals("default")) {
          responses.setDefaultValue(response);
        } else {
          responses.addAPIResponse(name, response);
        }
      } else if (model instanceof Content content) {
        content.addMediaType(name, (MediaType) model(MediaType.class, value, here));
      } else if (model instanceof SecurityRequirement requirement) {
        requirement.addScheme(name, strings(value, here));
      } else {
        Method setter = setter(type, name, here);
        invoke(setter, model, value(setter.getGenericParameterTypes()[0], value, here), here);
      }
    }
    return model;
  }

  private static Schema schema(JsonValue json, String at) {
    Schema schema = OASFactory.createObject(Schema.class);
    if (json.getValueType() == JsonValue.ValueType.TRUE
        || json.getValueType() == JsonValue.ValueType.FALSE) {
      schema.setBooleanSchema(json.getValueType() == JsonValue.ValueType.TRUE);
      return schema;
    }
    for (Map.Entry<String, JsonValue> field : object(json, at).entrySet()) {
      String name = field.getKey();
      JsonValue value = field.getValue();
      String here = child(at, name);
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      if (name.equals("$ref")) {
        schema.setRef(string(value, here));
      } else if (name.equals("type")) {
        schema.setType(types(value, here));
      } else if (SCHEMA.contains(name)) {
        schema.set(name, schema(value, here));
      } else if (SCHEMA_LIST.contains(name)) {
        List<Schema> schemas = new ArrayList<>();
        JsonArray array = array(value, here);
        for (int i = 0; i < array.size(); i++) {
          schemas.add(schema(array.get(i), here + "/" + i));
        }
        schema.set(name, schemas);
      } else if (SCHEMA_MAP.contains(name)) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        object(value, here)
            .forEach((key, item) -> schemas.put(key, schema(item, child(here, key))));
        schema.set(name, schemas);
      } else if (name.equals("discriminator")) {
        schema.set(name, model(Discriminator.class, value, here));
      } else if (name.equals("externalDocs")) {
        schema.set(name, model(ExternalDocumentation.class, value, here));
      } else if (name.equals("xml")) {
        schema.set(name, model(XML.class, value, here));
      } else if (NUMBERS.contains(name)) {
        schema.set(name, number(value, here).bigDecimalValue());
      } else if (COUNTS.contains(name)) {
        schema.set(name, count(value, here));
      } else {
        schema.set(name, plain(value));
      }
    }
    return schema;
  }

  /** The one-argument setter of {@code type} for a JSON field, whatever the case of its name. */
  private static Method setter(Class<?> type, String field, String at) {
    String name = "set" + SETTER_NAMES.getOrDefault(field, field);
    Method found = null;
    for (Method method : type.getMethods()) {
      if (method.getParameterCount() == 1 && method.getName().equalsIgnoreCase(name)) {
        if (found != null) {
          throw new IllegalArgumentException(
              at + ": " + type.getSimpleName() + " has more than one setter for " + field);
        }
        found = method;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(
          at + ": " + type.getSimpleName() + " has no field named " + field);
    }
    return found;
  }

  private static void invoke(Method setter, Object model, Object value, String at) {
    try {
      setter.invoke(model, value);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalArgumentException(at + ": " + setter.getName() + " refused the value", e);
    }
  }

  /** A JSON value as the Java type a setter takes. */
  private static Object value(Type type, JsonValue json, String at) {
    if (type instanceof ParameterizedType parameterized) {
      Type raw = parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == List.class) {
        JsonArray array = array(json, at);
        List<Object> list = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
          list.add(value(arguments[0], array.get(i), at + "/" + i));
        }
        return list;
      }
      if (raw == Map.class) {
        Map<String, Object> map = new LinkedHashMap<>();
        object(json, at)
            .forEach((key, item) -> map.put(key, value(arguments[1], item, child(at, key))));
        return map;
      }
    } else if (type instanceof Class<?> target) {
      if (Constructible.class.isAssignableFrom(target)) {
        return model(target, json, at);
      }
      if (target.isEnum()) {
        String text = string(json, at);
        for (Object constant : target.getEnumConstants()) {
          if (constant.toString().equals(text)) {
            return constant;
          }
        }
        throw new IllegalArgumentException(at + ": not a " + target.getSimpleName() + ": " + text);
      }
      if (target == String.class) {
        return string(json, at);
      }
      if (target == Boolean.class || target == boolean.class) {
        return bool(json, at);
      }
      if (target == Integer.class || target == int.class) {
        return count(json, at);
      }
      if (target == BigDecimal.class) {
        return number(json, at).bigDecimalValue();
      }
      if (target == Object.class) {
        return plain(json);
      }
    }
    throw new IllegalArgumentException(at + ": no conversion to " + type.getTypeName());
  }

  private static List<Schema.SchemaType> types(JsonValue json, String at) {
    List<Schema.SchemaType> types = new ArrayList<>();
    if (json.getValueType() == JsonValue.ValueType.ARRAY) {
      JsonArray array = json.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        types.add(type(string(array.get(i), at + "/" + i), at + "/" + i));
      }
    } else {
      types.add(type(string(json, at), at));
    }
    return types;
  }

  private static Schema.SchemaType type(String name, String at) {
    for (Schema.SchemaType type : Schema.SchemaType.values()) {
      if (type.toString().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(at + ": not a schema type: " + name);
  }

  /** Any JSON value as plain Java: strings, BigDecimal, Boolean, lists and maps of them. */
  private static Object plain(JsonValue json) {
    switch (json.getValueType()) {
      case STRING:
        return ((JsonString) json).getString();
      case NUMBER:
        return ((JsonNumber) json).bigDecimalValue();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      case ARRAY:
        List<Object> list = new ArrayList<>();
        json.asJsonArray().forEach(item -> list.add(plain(item)));
        return list;
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        json.asJsonObject().forEach((key, item) -> map.put(key, plain(item)));
        return map;
      default:
        return null;
    }
  }

  private static List<String> strings(JsonValue json, String at) {
    JsonArray array = array(json, at);
    List<String> strings = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      strings.add(string(array.get(i), at + "/" + i));
    }
    return strings;
  }

  private static JsonObject object(JsonValue json, String at) {
    return expect(json, JsonValue.ValueType.OBJECT, at).asJsonObject();
  }

  private static JsonArray array(JsonValue json, String at) {
    return expect(json, JsonValue.ValueType.ARRAY, at).asJsonArray();
  }

  private static String string(JsonValue json, String at) {
    return ((JsonString) expect(json, JsonValue.ValueType.STRING, at)).getString();
  }

  private static JsonNumber number(JsonValue json, String at) {
    return (JsonNumber) expect(json, JsonValue.ValueType.NUMBER, at);
  }

  private static Integer count(JsonValue json, String at) {
    try {
      return number(json, at).intValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(at + ": not a whole number: " + json, e);
    }
  }

  private static Boolean bool(JsonValue json, String at) {
    return switch (json.getValueType()) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      default ->
          throw new IllegalArgumentException(
              at + ": expected true or false, found " + name(json.getValueType()));
    };
  }

  private static JsonValue expect(JsonValue json, JsonValue.ValueType type, String at) {
    if (json.getValueType() != type) {
      throw new IllegalArgumentException(
          at + ": expected " + name(type) + ", found " + name(json.getValueType()));
    }
    return json;
  }

  private static String name(JsonValue.ValueType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** The JSON pointer of a field or entry below {@code at}. */
  private static String child(String at, String name) {
    return at + "/" + name.replace("~", "~0").replace("/", "~1");
  }
}
