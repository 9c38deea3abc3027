package io.opencommerce.it.kit;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Shop.ADDRESSES;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import io.opencommerce.it.support.Shop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Several replicas of a service share its database: what one replica writes, the next read on
 * another shows at once. Here the other replica is a direct write to the service's database, after
 * this server has read (and, with EclipseLink's default shared cache, would have kept) the row.
 */
class ReplicaConsistencyIT {
  @Test
  void anAccountChangedByAnotherReplicaIsReadAsItIsNow() throws SQLException {
    Session user = Platform.registerAndLogin("replica");
    String url = AUTH + "/users/me";
    assertThat(get(url, user.accessToken()).json().getString("displayName"))
        .isNotEqualTo("Elsewhere");

    update("auth", "UPDATE users SET display_name = ? WHERE id = ?", "Elsewhere", user.userId());

    assertThat(get(url, user.accessToken()).json().getString("displayName")).isEqualTo("Elsewhere");
  }

  @Test
  void anAddressChangedByAnotherReplicaIsReadAsItIsNow() throws SQLException {
    Session user = Platform.registerAndLogin("replica-address");
    String id = Shop.address(user.accessToken(), "Ann");
    String url = ADDRESSES + "/addresses/" + id;
    assertThat(get(url, user.accessToken()).json().getString("city")).isNotEqualTo("Lyon");

    update("addresses", "UPDATE addresses SET city = ? WHERE id = ?", "Lyon", id);

    assertThat(get(url, user.accessToken()).json().getString("city")).isEqualTo("Lyon");
  }

  private static void update(String service, String sql, String value, String id)
      throws SQLException {
    try (Connection connection = ServiceDatabase.open(service);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      statement.setString(2, id);
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }
}
