package io.opencommerce.it.addresses;

import static io.opencommerce.it.support.Platform.BASE;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.addresses.client.AddressRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Address books: opened by the UserRegistered event, filled by their owner, with one default
 * billing and shipping address, per-country validation naming the field, and no one else's eyes.
 */
class AddressBookIT {
  private static final String API = BASE + "/addresses/api";

  /** An address in the city of Somewhere (no recipient when {@code recipient} is null). */
  private static String address(String line1, String postalCode, String country, String recipient) {
    return address(line1, postalCode, country, recipient, null, null, null);
  }

  /** The same with a region and default flags; null ones are left out of the body. */
  private static String address(
      String line1,
      String postalCode,
      String country,
      String recipient,
      String region,
      Boolean defaultBilling,
      Boolean defaultShipping) {
    return Bodies.json(
        new AddressRequest(
            null,
            recipient,
            null,
            line1,
            null,
            postalCode,
            "Somewhere",
            region,
            country,
            null,
            defaultBilling,
            defaultShipping));
  }

  @Test
  void aNewCustomersBookOpensFromTheRegistrationEvent() {
    Session customer = Platform.registerAndLogin("book");
    // Without a recipient, the book's owner (known from UserRegistered) is the recipient.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                post(
                            API + "/addresses",
                            address("1 rue de la Paix", "75002", "FR", null),
                            customer.accessToken())
                        .status()
                    == 201);
    var book = get(API + "/addresses", customer.accessToken()).json();
    assertThat(book.getInt("total")).isEqualTo(1);
    JsonObject first = book.getJsonArray("items").getJsonObject(0);
    assertThat(first.getString("recipient")).isEqualTo("IT book");
    assertThat(first.getBoolean("defaultBilling")).isTrue();
    assertThat(first.getBoolean("defaultShipping")).isTrue();
  }

  @Test
  void oneDefaultAtATime() {
    Session customer = Platform.registerAndLogin("defaults");
    String token = customer.accessToken();
    String home =
        post(API + "/addresses", address("1 Home St", "10115", "DE", "Me"), token)
            .json()
            .getString("id");
    String work =
        post(API + "/addresses", address("2 Work St", "10117", "DE", "Me", null, null, true), token)
            .json()
            .getString("id");
    var homeNow = get(API + "/addresses/" + home, token).json();
    var workNow = get(API + "/addresses/" + work, token).json();
    assertThat(homeNow.getBoolean("defaultBilling")).isTrue();
    assertThat(homeNow.getBoolean("defaultShipping")).isFalse();
    assertThat(workNow.getBoolean("defaultShipping")).isTrue();
    assertThat(workNow.getBoolean("defaultBilling")).isFalse();
    // The defaults in one read, whatever the book's length.
    var defaults = get(API + "/addresses/defaults", token).json();
    assertThat(defaults.getJsonObject("shipping").getString("id")).isEqualTo(work);
    assertThat(defaults.getJsonObject("billing").getString("id")).isEqualTo(home);
    assertThat(defaults.getInt("count")).isEqualTo(2);

    var moved =
        send(
            "PUT",
            API + "/addresses/" + work,
            address("2 Work St", "10117", "DE", "Me", null, true, null),
            token);
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(get(API + "/addresses/" + home, token).json().getBoolean("defaultBilling"))
        .isFalse();

    assertThat(send("DELETE", API + "/addresses/" + home, null, token).status()).isEqualTo(204);
    get(API + "/addresses/" + home, token).assertProblem(404, "not-found");
    defaults = get(API + "/addresses/defaults", token).json();
    assertThat(defaults.getJsonObject("shipping").getString("id")).isEqualTo(work);
    assertThat(defaults.getJsonObject("billing").getString("id")).isEqualTo(work);
    assertThat(defaults.getInt("count")).isEqualTo(1);
  }

  @Test
  void theDefaultsAreTheOwnersOrAnAdministrators() {
    Session owner = Platform.registerAndLogin("defaults-owner");
    var empty = get(API + "/addresses/defaults", owner.accessToken()).json();
    // No default marked: the fields are left out, as every null field of the platform's answers.
    assertThat(empty.containsKey("shipping")).isFalse();
    assertThat(empty.containsKey("billing")).isFalse();
    assertThat(empty.getInt("count")).isZero();

    Session other = Platform.registerAndLogin("defaults-other");
    get(API + "/addresses/defaults?ownerId=" + owner.userId(), other.accessToken())
        .assertProblem(403, "forbidden");
    var seenByAdmin =
        get(API + "/addresses/defaults?ownerId=" + owner.userId(), Platform.admin().accessToken());
    assertThat(seenByAdmin.status()).isEqualTo(200);
    assertThat(seenByAdmin.json().getInt("count")).isZero();
    assertThat(get(API + "/addresses/defaults", null).status()).isEqualTo(401);
  }

  @Test
  void addressesMustFitTheirCountry() {
    String token = Platform.registerAndLogin("rules").accessToken();
    var wrong =
        post(API + "/addresses", address("1 Main St", "ABCDE", "US", "Me"), token)
            .assertProblem(400, "validation-failed");
    assertThat(fields(wrong.json())).containsExactlyInAnyOrder("body.postalCode", "body.region");
    assertThat(
            fields(
                post(API + "/addresses", address("x", "12345", "KP", "Me"), token)
                    .assertProblem(400, "validation-failed")
                    .json()))
        .containsExactly("body.country");
    assertThat(
            fields(
                post(API + "/addresses", address("", "75001", "fr", null), token)
                    .assertProblem(400, "validation-failed")
                    .json()))
        .contains("body.line1", "body.country");
    assertThat(
            post(
                    API + "/addresses",
                    address("1 Main St", "94105", "US", "Me", "CA", null, null),
                    token)
                .status())
        .isEqualTo(201);
    assertThat(get(API + "/addresses", token).json().getInt("total")).isEqualTo(1);
  }

  @Test
  void onlyTheOwnerOrAnAdminSeesAnAddress() {
    Session owner = Platform.registerAndLogin("owner");
    String id =
        post(API + "/addresses", address("3 Own St", "1000", "BE", "Owner"), owner.accessToken())
            .json()
            .getString("id");
    String other = Platform.registerAndLogin("snoop").accessToken();
    get(API + "/addresses/" + id, other).assertProblem(404, "not-found");
    send("DELETE", API + "/addresses/" + id, null, other).assertProblem(404, "not-found");
    get(API + "/addresses?ownerId=" + owner.userId(), other).assertProblem(403, "forbidden");
    get(API + "/addresses", null).assertProblem(401, null);
    String admin = Platform.admin().accessToken();
    assertThat(get(API + "/addresses/" + id, admin).status()).isEqualTo(200);
    assertThat(get(API + "/addresses?ownerId=" + owner.userId(), admin).json().getInt("total"))
        .isEqualTo(1);
    get(API + "/addresses/" + UUID.randomUUID(), owner.accessToken())
        .assertProblem(404, "not-found");
  }

  @Test
  void theCountryListIsPublic() {
    var countries = get(API + "/countries", null);
    assertThat(countries.status()).isEqualTo(200);
    List<JsonObject> all = countries.jsonArray().stream().map(JsonValue::asJsonObject).toList();
    assertThat(all).hasSizeGreaterThan(240);
    JsonObject us =
        all.stream().filter(c -> c.getString("code").equals("US")).findFirst().orElseThrow();
    assertThat(us.getBoolean("shipsHere")).isTrue();
    assertThat(us.getBoolean("regionRequired")).isTrue();
  }

  private static List<String> fields(JsonObject problem) {
    return problem.getJsonArray("errors").stream()
        .map(v -> v.asJsonObject().getString("field"))
        .toList();
  }
}
