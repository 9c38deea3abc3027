package io.opencommerce.newsletters.api;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.persistence.UniqueKeys;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.kit.web.RateLimited;
import io.opencommerce.newsletters.application.Subscriptions;
import io.opencommerce.newsletters.client.SubscriptionReceipt;
import io.opencommerce.newsletters.client.SubscriptionRequest;
import io.opencommerce.newsletters.client.SubscriptionView;
import io.opencommerce.newsletters.domain.Subscriber;
import io.opencommerce.newsletters.domain.SubscriptionStatus;
import io.opencommerce.newsletters.infrastructure.LinkSignatures;
import io.opencommerce.newsletters.infrastructure.SiteSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.Variant;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The current site's newsletter subscriptions: anyone asks for one (double opt-in), subscribers
 * follow their signed links (confirm; see and do the one-click unsubscribe), administrators list
 * and export the subscribers. A customer's own subscription is {@link OwnSubscriptionResource}.
 *
 * <p>The links need no token and no site header: the signed token names its subscriber. They are
 * not rate-limited: a token cannot be guessed, and one-click unsubscriptions arrive from the few
 * addresses of the big mail providers.
 */
@Path("subscriptions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {
  /** Subscribers an export reads at a time. */
  static final int EXPORT_BATCH = 500;

  private static final List<Variant> JSON_OR_HTML =
      Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE).build();
  private static final String TOKEN_MESSAGE = "is not a link token of this shop";

  @Inject Subscriptions subscriptions;
  @Inject SiteSettings sites;
  @Inject CurrentRequest request;
  @Context Request negotiation;

  /**
   * Asks for the site's newsletter at an address: 202, the same whatever the address's state
   * (nobody learns who subscribes), and a confirmation link mailed unless it is subscribed already.
   * Anyone may ask, so it is rate-limited per client address ({@code
   * platform.rate-limits.newsletter-subscription.per-address}, 10 a minute) and per address asked
   * for ({@code .per-account}, 5 an hour: each request mails that address).
   */
  @POST
  @PermitAll
  @RateLimited(
      value = "newsletter-subscription",
      perAddress = "10/PT1M",
      perAccount = "5/PT1H",
      account = "body.email")
  public Response subscribe(
      @NotNull(message = "A request body is required.") @Valid SubscriptionRequest body) {
    Instant asked = Instant.now();
    // Two requests racing for a new address: the loser's runs again, on the winner's subscriber.
    Subscriber subscriber =
        UniqueKeys.insertOrWinner(
            () -> subscriptions.request(body.email(), body.language()),
            () -> Optional.of(subscriptions.request(body.email(), body.language())));
    // This request's time, not the subscriber's: an earlier one would tell a subscribed address.
    return Response.accepted(new SubscriptionReceipt(subscriber.email(), asked)).build();
  }

  /**
   * Follows a confirmation link: the subscription is confirmed (again: nothing changes). JSON, or a
   * small page for a browser. 400 {@code invalid-link} for a changed or foreign link, 404 once the
   * request has expired, 409 {@code confirmation-outdated} for the link of an earlier request.
   */
  @GET
  @Path("confirmation")
  @PermitAll
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  public Response confirm(
      @QueryParam("token")
          @NotNull(message = "is required")
          @Pattern(regexp = LinkSignatures.TOKEN, message = TOKEN_MESSAGE)
          String token) {
    Subscriber subscriber = subscriptions.confirm(token);
    return answer(
        subscriber, SubscriptionPages.confirmed(subscriber.language(), shopName(subscriber)));
  }

  /**
   * What an unsubscribe link shows: the subscription's status, or, in a browser, a page with the
   * one button that unsubscribes. Following the link changes nothing (mail scanners follow every
   * link they see).
   */
  @GET
  @Path("unsubscription")
  @PermitAll
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  public Response showUnsubscription(
      @QueryParam("token")
          @NotNull(message = "is required")
          @Pattern(regexp = LinkSignatures.TOKEN, message = TOKEN_MESSAGE)
          String token) {
    Subscriber subscriber = subscriptions.byUnsubscribeLink(token);
    return answer(
        subscriber,
        subscriber.status() == SubscriptionStatus.UNSUBSCRIBED
            ? SubscriptionPages.unsubscribed(subscriber.language(), shopName(subscriber))
            : SubscriptionPages.unsubscribeForm(subscriber.language(), shopName(subscriber)));
  }

  /**
   * The one-click unsubscribe (RFC 8058): the {@code List-Unsubscribe} address of every newsletter,
   * POSTed by mail clients with the form body {@code List-Unsubscribe=One-Click}, and by the
   * unsubscribe page's button. The subscriber leaves and their queued newsletters are cancelled;
   * again changes nothing. 400 naming {@code body.List-Unsubscribe} for another body, {@code
   * invalid-link} for a changed or foreign link.
   */
  @POST
  @Path("unsubscription")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  public Response unsubscribe(
      @QueryParam("token")
          @NotNull(message = "is required")
          @Pattern(regexp = LinkSignatures.TOKEN, message = TOKEN_MESSAGE)
          String token,
      @FormParam(OneClick.FIELD) String oneClick) {
    if (!OneClick.isOneClick(oneClick)) {
      throw notOneClick();
    }
    return unsubscribed(token);
  }

  /** The same one-click unsubscribe, its field sent as a part of {@code multipart/form-data}. */
  @POST
  @Path("unsubscription")
  @PermitAll
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  public Response unsubscribeMultipart(
      @QueryParam("token")
          @NotNull(message = "is required")
          @Pattern(regexp = LinkSignatures.TOKEN, message = TOKEN_MESSAGE)
          String token,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      String body) {
    if (!OneClick.asksInMultipart(contentType, body)) {
      throw notOneClick();
    }
    return unsubscribed(token);
  }

  private Response unsubscribed(String token) {
    Subscriber subscriber = subscriptions.unsubscribe(token);
    return answer(
        subscriber, SubscriptionPages.unsubscribed(subscriber.language(), shopName(subscriber)));
  }

  private static ProblemException notOneClick() {
    return ProblemException.invalidBody(OneClick.FIELD, "must be One-Click (RFC 8058)");
  }

  /**
   * The site's subscribers, newest first, filtered by {@code status} and {@code language};
   * unsubscribed ones only when asked for by status.
   */
  @GET
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public Page<SubscriptionView> list(
      @QueryParam("status")
          @Pattern(
              regexp = SubscriptionView.STATUSES,
              message = "must be one of PENDING, CONFIRMED, UNSUBSCRIBED")
          String status,
      @QueryParam("language")
          @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter code such as en")
          String language,
      @BeanParam @Valid PageRequest page) {
    Subscriptions.Filter filter = filter(status, language);
    return page.page(
        subscriptions.page(filter, page.limit(), page.offset()).stream()
            .map(Views::subscription)
            .toList(),
        subscriptions.count(filter));
  }

  /**
   * The site's subscribers as CSV ({@link SubscriberCsv}), streamed a batch at a time with a header
   * row, filtered as the list is: unsubscribed addresses only when asked for by status.
   */
  @GET
  @Path("export")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  @Produces("text/csv")
  public Response export(
      @QueryParam("status")
          @Pattern(
              regexp = SubscriptionView.STATUSES,
              message = "must be one of PENDING, CONFIRMED, UNSUBSCRIBED")
          String status,
      @QueryParam("language")
          @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter code such as en")
          String language) {
    Subscriptions.Filter filter = filter(status, language);
    String site = request.site();
    StreamingOutput csv =
        out -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
          writer.write(SubscriberCsv.header());
          UUID after = null;
          List<Subscriber> batch;
          do {
            batch = subscriptions.exportBatch(site, filter, after, EXPORT_BATCH);
            for (Subscriber subscriber : batch) {
              writer.write(SubscriberCsv.row(subscriber));
            }
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).id();
          } while (batch.size() == EXPORT_BATCH);
          writer.flush();
        };
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"subscribers-"
                + site.replaceAll("[^A-Za-z0-9_-]", "_")
                + ".csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  private static Subscriptions.Filter filter(String status, String language) {
    return new Subscriptions.Filter(
        status == null ? null : SubscriptionStatus.valueOf(status), language);
  }

  private String shopName(Subscriber subscriber) {
    return sites.of(subscriber.site()).shopName();
  }

  /** The subscription's state as JSON, or {@code page} for a client that prefers HTML. */
  private Response answer(Subscriber subscriber, String page) {
    Variant chosen = negotiation.selectVariant(JSON_OR_HTML);
    if (chosen != null && MediaType.TEXT_HTML_TYPE.isCompatible(chosen.getMediaType())) {
      return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .header("Vary", "Accept")
          .header("Content-Security-Policy", SubscriptionPages.CONTENT_SECURITY_POLICY)
          .header("Referrer-Policy", "no-referrer")
          .header("Cache-Control", "no-store")
          .build();
    }
    return Response.ok(Views.state(subscriber), MediaType.APPLICATION_JSON_TYPE)
        .header("Vary", "Accept")
        .header("Cache-Control", "no-store")
        .build();
  }
}
