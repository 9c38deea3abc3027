package io.opencommerce.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A service's own database on the machine's MariaDB, as the local platform creates it (database and
 * user named after the service, its development password), for assertions on what a service keeps.
 */
public final class ServiceDatabase {
  private ServiceDatabase() {}

  public static Connection open(String service) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://127.0.0.1:3306/" + service, service, service + "-dev-password");
  }

  /** The single number {@code sql} answers (a COUNT), its {@code ?}s bound to {@code values}. */
  public static long count(String service, String sql, Object... values) throws SQLException {
    try (Connection connection = open(service);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
