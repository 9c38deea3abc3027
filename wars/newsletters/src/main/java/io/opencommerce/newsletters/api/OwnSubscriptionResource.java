package io.opencommerce.newsletters.api;

import io.opencommerce.kit.persistence.UniqueKeys;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.RateLimited;
import io.opencommerce.newsletters.application.Subscriptions;
import io.opencommerce.newsletters.client.OwnSubscriptionRequest;
import io.opencommerce.newsletters.client.SubscriptionView;
import io.opencommerce.newsletters.domain.Subscriber;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A customer's own subscription to the current site's newsletter, with their account's address (as
 * the service's read model of registered accounts knows it): see it, subscribe (double opt-in
 * still: the confirmation link is mailed), leave.
 */
@Path("subscriptions/me")
@RequestScoped
@RolesAllowed(Roles.CUSTOMER)
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OwnSubscriptionResource {
  @Inject Subscriptions subscriptions;
  @Inject CurrentUser caller;

  /** The subscription of the caller's address on this site; 404 when there is none. */
  @GET
  public SubscriptionView get() {
    UUID me = caller.id();
    return subscriptions
        .own(me)
        .map(Views::subscription)
        .orElseThrow(() -> ProblemException.notFound("Subscription of customer", me));
  }

  /**
   * Subscribes the caller's address ({@code {}}, or {@code {"language": "fr"}}): pending until the
   * mailed link is followed; a confirmed subscription only takes the language. Each call that is
   * not confirmed yet mails the link again: 5 an hour per customer ({@code
   * platform.rate-limits.own-subscription.per-account}). 409 {@code account-unknown} while the
   * registration has not reached the service.
   */
  @PUT
  @RateLimited(value = "own-subscription", perAccount = "5/PT1H", account = RateLimited.CALLER)
  public SubscriptionView subscribe(
      @NotNull(message = "A request body is required.") @Valid OwnSubscriptionRequest body) {
    UUID me = caller.id();
    Subscriber subscriber =
        UniqueKeys.insertOrWinner(
            () -> subscriptions.subscribeOwn(me, body.language()),
            () -> Optional.of(subscriptions.subscribeOwn(me, body.language())));
    return Views.subscription(subscriber);
  }

  /** The caller leaves the newsletter (204); without a subscription nothing happens. */
  @DELETE
  public void unsubscribe() {
    subscriptions.unsubscribeOwn(caller.id());
  }
}
