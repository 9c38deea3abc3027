package io.opencommerce.it.questions;

import static io.opencommerce.it.questions.FaqDesk.call;
import static io.opencommerce.it.questions.FaqDesk.create;
import static io.opencommerce.it.questions.FaqDesk.entry;
import static io.opencommerce.it.questions.FaqDesk.ids;
import static io.opencommerce.it.questions.FaqDesk.newSite;
import static io.opencommerce.it.questions.FaqDesk.visitor;
import static io.opencommerce.it.questions.FaqDesk.votes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.questions.client.EntryRequest;
import io.opencommerce.questions.client.VisitorToken;
import io.opencommerce.questions.client.VoteRequest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Was this helpful?" against the running platform: one vote per visitor and entry (a customer by
 * their account, an anonymous visitor by the token the service signed), a second vote changes the
 * first and never counts twice, forged tokens are refused, and the site's most helpful and most
 * viewed entries are listed from the counts.
 */
class FaqVotesIT {
  private static final String YES = Bodies.json(new VoteRequest(true));
  private static final String NO = Bodies.json(new VoteRequest(false));

  @Test
  void anAnonymousVisitorVotesOnceAndMayChangeTheVote() throws Exception {
    String site = newSite();
    String id = create(site, entry("orders", "Helpful?", "An answer to vote on."));
    String visitor = visitor();

    JsonObject first = vote(id, YES, null, visitor, site);
    assertThat(first.getInt("helpfulCount")).isEqualTo(1);
    assertThat(first.getInt("notHelpfulCount")).isZero();
    JsonObject again = vote(id, YES, null, visitor, site);
    assertThat(again.getInt("helpfulCount")).isEqualTo(1);
    JsonObject changed = vote(id, NO, null, visitor, site);
    assertThat(changed.getBoolean("helpful")).isFalse();
    assertThat(changed.getInt("helpfulCount")).isZero();
    assertThat(changed.getInt("notHelpfulCount")).isEqualTo(1);
    assertThat(votes(id)).isEqualTo(1);

    // Another visitor counts apart.
    assertThat(vote(id, YES, null, visitor(), site).getInt("helpfulCount")).isEqualTo(1);
    assertThat(votes(id)).isEqualTo(2);
    Reply read = call("GET", "/entries/" + id, null, null, site);
    assertThat(read.json().getInt("helpful")).isEqualTo(1);
    assertThat(read.json().getInt("notHelpful")).isEqualTo(1);
  }

  @Test
  void aCustomerVotesOnceByTheirAccountWhateverTheVisitorToken() throws Exception {
    String site = newSite();
    String id = create(site, entry("orders", "Helpful for customers?", "Yes or no."));
    String customer = Platform.registerAndLogin("faq-voter").accessToken();

    assertThat(vote(id, YES, customer, null, site).getInt("helpfulCount")).isEqualTo(1);
    // A new visitor token does not make the same customer a new voter.
    assertThat(vote(id, YES, customer, visitor(), site).getInt("helpfulCount")).isEqualTo(1);
    JsonObject changed = vote(id, NO, customer, null, site);
    assertThat(changed.getInt("helpfulCount")).isZero();
    assertThat(changed.getInt("notHelpfulCount")).isEqualTo(1);
    assertThat(votes(id)).isEqualTo(1);
  }

  @Test
  void theVisitorCookieCountsAsTheToken() throws Exception {
    String site = newSite();
    String id = create(site, entry("orders", "Cookie vote?", "From a browser."));
    Reply issued = call("POST", "/visitors", null, null, null);
    assertThat(issued.status()).isEqualTo(201);
    String setCookie = issued.raw().headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(VisitorToken.COOKIE + "=" + issued.json().getString("token"))
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .contains("Path=/questions");

    HttpRequest request =
        HttpRequest.newBuilder(URI.create(FaqDesk.API + "/entries/" + id + "/vote"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Site", site)
            .header("Cookie", VisitorToken.COOKIE + "=" + issued.json().getString("token"))
            .PUT(HttpRequest.BodyPublishers.ofString(YES))
            .build();
    Reply voted = Platform.send(request);
    assertThat(voted.status()).as(voted.body()).isEqualTo(200);
    assertThat(votes(id)).isEqualTo(1);
  }

  @Test
  void forgedTamperedOrMissingTokensAreRefusedAndCountNothing() throws Exception {
    String site = newSite();
    String id = create(site, entry("orders", "Forged votes?", "None count."));
    String token = visitor();
    String tampered =
        (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1); // another id, same signature
    String resigned = token.substring(0, 23) + "A".repeat(43);

    for (String forged : List.of(tampered, resigned, "not-a-token", "x".repeat(500))) {
      call("PUT", "/entries/" + id + "/vote", YES, null, site, forged)
          .assertProblem(401, "invalid-visitor-token");
    }
    call("PUT", "/entries/" + id + "/vote", YES, null, site)
        .assertProblem(401, "visitor-token-required");
    assertThat(votes(id)).isZero();
    assertThat(call("GET", "/entries/" + id, null, null, site).json().getInt("helpful")).isZero();
  }

  @Test
  void votesOnDraftsOrOtherSitesEntriesFindNothing() throws Exception {
    String site = newSite();
    String draft =
        create(
            site,
            new EntryRequest("en", "orders", "Draft vote?", "No.", List.of(), null, false, null));
    String published = create(site, entry("orders", "Elsewhere?", "Another site."));
    String token = visitor();

    call("PUT", "/entries/" + draft + "/vote", YES, null, site, token)
        .assertProblem(404, "not-found");
    call("PUT", "/entries/" + published + "/vote", YES, null, newSite(), token)
        .assertProblem(404, "not-found");
    call("PUT", "/entries/" + published + "/vote", "{\"helpful\":\"yes\"}", null, site, token)
        .assertProblem(400, null);
    call("PUT", "/entries/" + published + "/vote", "{}", null, site, token)
        .assertProblem(400, null);
    assertThat(votes(draft) + votes(published)).isZero();
  }

  @Test
  void theMostHelpfulAndTheMostViewedComeFirst() {
    String site = newSite();
    String some = create(site, entry("orders", "Somewhat helpful", "One yes."));
    String most = create(site, entry("orders", "Most helpful", "Two yes."));
    String none = create(site, entry("orders", "Not helpful", "One no."));
    vote(some, YES, null, visitor(), site);
    vote(most, YES, null, visitor(), site);
    vote(most, YES, null, visitor(), site);
    vote(none, NO, null, visitor(), site);

    assertThat(ids(call("GET", "/entries/most-helpful?language=en", null, null, site)))
        .containsExactly(most, some);

    for (int i = 0; i < 3; i++) {
      assertThat(call("GET", "/entries/" + none, null, null, site).status()).isEqualTo(200);
    }
    assertThat(call("GET", "/entries/" + some, null, null, site).status()).isEqualTo(200);
    // Reads are counted in Redis and reach the database every second on the local platform.
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(ids(call("GET", "/entries/most-viewed?language=en", null, null, site)))
                    .startsWith(none, some));
    assertThat(
            call("GET", "/entries/" + none, null, Platform.admin().accessToken(), site)
                .json()
                .getInt("views"))
        .isGreaterThanOrEqualTo(3);
  }

  private static JsonObject vote(
      String id, String body, String token, String visitor, String site) {
    Reply voted = call("PUT", "/entries/" + id + "/vote", body, token, site, visitor);
    assertThat(voted.status()).as(voted.body()).isEqualTo(200);
    return voted.json();
  }
}
