package io.opencommerce.storefront.application;

import static io.opencommerce.storefront.application.Fakes.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.addresses.client.AddressDefaults;
import io.opencommerce.auth.client.UserProfile;
import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.client.ParallelCalls;
import io.opencommerce.kit.client.UpstreamFailure;
import io.opencommerce.orders.client.OrderView;
import io.opencommerce.sav.client.TicketSummary;
import io.opencommerce.storefront.domain.ComposedPage;
import io.opencommerce.storefront.infrastructure.AddressesService;
import io.opencommerce.storefront.infrastructure.AuthService;
import io.opencommerce.storefront.infrastructure.OrdersService;
import io.opencommerce.storefront.infrastructure.SavService;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountsTest {
  private final UUID customer = UUID.randomUUID();
  private ExecutorService pool;
  private Accounts accounts;

  private Supplier<UserProfile> profile;
  private Supplier<AddressDefaults> book;
  private Supplier<Page<OrderView>> recent;
  private Supplier<Page<TicketSummary>> tickets;

  @BeforeEach
  void setUp() {
    pool = Executors.newFixedThreadPool(4);
    profile = () -> Fakes.profile(customer);
    book =
        () ->
            new AddressDefaults(
                Fakes.address(customer, "Lyon", true, false),
                Fakes.address(customer, "Paris", false, true),
                2);
    recent = () -> new Page<>(List.of(Fakes.order(UUID.randomUUID(), customer, null)), 12, 5, 0);
    tickets =
        () ->
            new Page<>(
                List.of(
                    Fakes.ticket(customer, "SAV-0000000003", "WAITING_FOR_CUSTOMER"),
                    Fakes.ticket(customer, "SAV-0000000002", "CLOSED"),
                    Fakes.ticket(customer, "SAV-0000000001", "OPEN")),
                3,
                50,
                0);
    accounts = new Accounts();
    accounts.auth =
        new AuthService() {
          @Override
          public UserProfile me() {
            return profile.get();
          }
        };
    accounts.addresses =
        new AddressesService() {
          @Override
          public AddressDefaults defaults() {
            return book.get();
          }
        };
    accounts.orders =
        new OrdersService() {
          @Override
          public Page<OrderView> recent(int limit) {
            return recent.get();
          }
        };
    accounts.sav =
        new SavService() {
          @Override
          public Page<TicketSummary> openTickets(int limit) {
            return tickets.get();
          }
        };
    accounts.calls = ParallelCalls.on(pool);
    accounts.settings = StorefrontSettings.defaults();
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @Test
  void everyPartIsThere() {
    ComposedPage page = accounts.overview();

    assertThat(page.complete()).isTrue();
    JsonObject body = json(page.json());
    assertThat(body.getJsonObject("profile").getJsonObject("data").getString("email"))
        .isEqualTo("ada@example.com");
    JsonObject addresses = body.getJsonObject("addresses").getJsonObject("data");
    assertThat(addresses.getJsonObject("shipping").getString("city")).isEqualTo("Lyon");
    assertThat(addresses.getJsonObject("billing").getString("city")).isEqualTo("Paris");
    assertThat(addresses.getInt("count")).isEqualTo(2);
    JsonObject orders = body.getJsonObject("recentOrders").getJsonObject("data");
    assertThat(orders.getInt("total")).isEqualTo(12);
    JsonObject order = orders.getJsonArray("items").getJsonObject(0);
    assertThat(order.getString("number")).isEqualTo("OC-0000000001");
    assertThat(order.getString("status")).isEqualTo("CONFIRMED");
    assertThat(order.getJsonNumber("total").bigDecimalValue()).isEqualByComparingTo("49.80");
    assertThat(order.containsKey("lines")).isFalse();
    JsonObject open = body.getJsonObject("openTickets").getJsonObject("data");
    assertThat(open.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(t -> t.getString("number"))
        .containsExactly("SAV-0000000003", "SAV-0000000001");
    assertThat(open.getBoolean("complete")).isTrue();
  }

  @Test
  void theFourServicesAreAskedAtOnce() {
    // Each call waits until all four have started: one after the other, none would return.
    CyclicBarrier allStarted = new CyclicBarrier(4);
    Supplier<UserProfile> me = profile;
    profile = () -> together(allStarted, me);
    Supplier<AddressDefaults> addresses = book;
    book = () -> together(allStarted, addresses);
    Supplier<Page<OrderView>> orders = recent;
    recent = () -> together(allStarted, orders);
    Supplier<Page<TicketSummary>> open = tickets;
    tickets = () -> together(allStarted, open);

    assertThat(accounts.overview().complete()).isTrue();
  }

  @Test
  void aServiceThatFailsTakesOnlyItsPart() {
    tickets =
        () -> {
          throw new UpstreamFailure("sav", "503 server-error", null);
        };

    ComposedPage page = accounts.overview();

    assertThat(page.complete()).isFalse();
    JsonObject body = json(page.json());
    assertThat(body.getJsonObject("profile").getString("status")).isEqualTo("ok");
    assertThat(body.getJsonObject("addresses").getString("status")).isEqualTo("ok");
    assertThat(body.getJsonObject("recentOrders").getString("status")).isEqualTo("ok");
    JsonObject open = body.getJsonObject("openTickets");
    assertThat(open.getString("status")).isEqualTo("unavailable");
    assertThat(open.getJsonObject("problem").getString("service")).isEqualTo("sav");
    assertThat(open.getJsonObject("problem").getString("code")).isEqualTo("upstream-unavailable");
  }

  @Test
  void aBookWithoutDefaultsAndMoreOpenTicketsThanReadSaySo() {
    book = () -> new AddressDefaults(null, null, 140);
    tickets =
        () -> new Page<>(List.of(Fakes.ticket(customer, "SAV-0000000009", "RESOLVED")), 80, 50, 0);

    JsonObject body = json(accounts.overview().json());

    JsonObject addresses = body.getJsonObject("addresses").getJsonObject("data");
    assertThat(addresses.get("shipping")).isEqualTo(JsonValue.NULL);
    assertThat(addresses.get("billing")).isEqualTo(JsonValue.NULL);
    assertThat(addresses.getInt("count")).isEqualTo(140);
    JsonObject open = body.getJsonObject("openTickets").getJsonObject("data");
    assertThat(open.getJsonArray("items")).isEmpty();
    assertThat(open.getBoolean("complete")).isFalse();
  }

  private static <T> T together(CyclicBarrier barrier, Supplier<T> answer) {
    try {
      barrier.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
      throw new IllegalStateException("the calls were not made at once", e);
    }
    return answer.get();
  }
}
