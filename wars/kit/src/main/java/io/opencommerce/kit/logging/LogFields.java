package io.opencommerce.kit.logging;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fields of the services' JSON log records beside the message: in Liberty's JSON log a field {@code
 * name} appears as {@code ext_name}, so that the log pipeline filters on it instead of parsing
 * messages. Two kinds:
 *
 * <ul>
 *   <li>{@linkplain #always fields of every record}, computed when a record is written (the current
 *       trace and span ids);
 *   <li>{@linkplain #log fields of one record} (a security action's actor, target and outcome).
 * </ul>
 *
 * <p>Liberty adds such fields through its logging API ({@code LogRecordContext}, an {@code ibm-api}
 * every application sees), reached by reflection so that the kit still loads where that API is
 * absent (unit tests, another runtime): there the fields are left out and the message stands alone.
 */
public final class LogFields {
  private static final Logger LOG = Logger.getLogger(LogFields.class.getName());
  private static final String CONTEXT = "com.ibm.websphere.logging.hpel.LogRecordContext";

  private static final Api API = Api.find();

  /** The registered callbacks by field name: Liberty keeps only weak references to them. */
  private static final Map<String, Object> KEPT = new HashMap<>();

  private LogFields() {}

  /**
   * Adds the field {@code name} to every record written from now on in this server, with the value
   * {@code value} gives on the writing thread (none when it gives null). Registered once per name
   * and server: the first application to register a name provides its value for all.
   */
  public static synchronized void always(String name, Supplier<String> value) {
    if (API == null || KEPT.containsKey(name)) {
      return;
    }
    try {
      Object callback = API.callback(name, value);
      API.register.invoke(null, name, callback);
      KEPT.put(name, callback);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException) {
        // Registered by another application of this server (each WAR has its own kit): its
        // callback reads the same OpenTelemetry context, shared by the server.
        LOG.fine(() -> "Log field " + name + " registered already");
      } else {
        LOG.log(Level.WARNING, "Log records will not carry the field " + name, e.getCause());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "Log records will not carry the field " + name, e);
    }
  }

  /** Writes one record with {@code fields} beside its message (null values are left out). */
  public static void log(Logger logger, Level level, String message, Map<String, String> fields) {
    if (!logger.isLoggable(level)) {
      return;
    }
    if (API == null) {
      logger.log(level, message);
      return;
    }
    List<String> added = new ArrayList<>(fields.size());
    try {
      for (Map.Entry<String, String> field : fields.entrySet()) {
        if (field.getValue() != null) {
          API.add.invoke(null, field.getKey(), field.getValue());
          added.add(field.getKey());
        }
      }
      logger.log(level, message);
    } catch (ReflectiveOperationException | RuntimeException e) {
      logger.log(level, message + " " + fields);
    } finally {
      for (String name : added) {
        try {
          API.remove.invoke(null, name);
        } catch (ReflectiveOperationException | RuntimeException e) {
          LOG.log(Level.FINE, "Log field " + name + " not removed", e);
        }
      }
    }
  }

  /** Liberty's LogRecordContext, or null where there is none. */
  private record Api(Class<?> extension, Method register, Method add, Method remove) {
    static Api find() {
      try {
        Class<?> context = Class.forName(CONTEXT, true, LogFields.class.getClassLoader());
        Class<?> extension = Class.forName(CONTEXT + "$Extension", true, context.getClassLoader());
        return new Api(
            extension,
            context.getMethod("registerExtension", String.class, extension),
            context.getMethod("addExtension", String.class, String.class),
            context.getMethod("removeExtension", String.class));
      } catch (ClassNotFoundException e) {
        return null;
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        LOG.log(Level.WARNING, "Log records will carry no fields beside their message", e);
        return null;
      }
    }

    Object callback(String name, Supplier<String> value) {
      InvocationHandler handler =
          (proxy, method, args) ->
              switch (method.getName()) {
                case "getValue" -> value.get();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> name;
                default -> null;
              };
      return Proxy.newProxyInstance(
          extension.getClassLoader(), new Class<?>[] {extension}, handler);
    }
  }
}
