package io.opencommerce.questions.api;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.kit.web.RateLimited;
import io.opencommerce.questions.application.Entries;
import io.opencommerce.questions.application.Entries.Filter;
import io.opencommerce.questions.application.Entries.Ranking;
import io.opencommerce.questions.application.FaqCache;
import io.opencommerce.questions.application.FaqSearch;
import io.opencommerce.questions.application.ViewCounts;
import io.opencommerce.questions.application.Visitors;
import io.opencommerce.questions.application.Votes;
import io.opencommerce.questions.client.EntryRequest;
import io.opencommerce.questions.client.EntryView;
import io.opencommerce.questions.client.PublicationRequest;
import io.opencommerce.questions.client.ReorderRequest;
import io.opencommerce.questions.client.VisitorToken;
import io.opencommerce.questions.client.VoteRequest;
import io.opencommerce.questions.client.VoteView;
import io.opencommerce.questions.domain.Entry;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The FAQ of the request's site. Anyone reads and searches its published entries, from Redis when
 * they were read before ({@link FaqCache}, with {@code ETag}s: {@code If-None-Match} answers 304),
 * and votes on them; administrators also see the drafts, and they alone write, publish, order and
 * delete entries. Customers, agents and services get 403 on every write, anonymous callers 401.
 */
@Path("entries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EntryResource {
  static final String STATUSES = "published|draft|all";

  @Inject Entries entries;
  @Inject FaqSearch search;
  @Inject FaqCache cache;
  @Inject ViewCounts views;
  @Inject Votes votes;
  @Inject Visitors visitors;
  @Inject CurrentUser caller;
  @Inject CurrentRequest request;
  @Context UriInfo uri;
  @Context Request http;

  /**
   * The site's entries in {@code language}, by category, then position; narrowed by {@code
   * category}, {@code product} (a product page's FAQ) and {@code tag}. Administrators see drafts
   * too ({@code status}: {@code all} by default for them, {@code published}, {@code draft}); anyone
   * else the published entries only, and 403 for asking for drafts.
   */
  @GET
  @PermitAll
  public Response list(
      @QueryParam("language")
          @NotNull(message = "is required")
          @Pattern(regexp = EntryRequest.LANGUAGE, message = "must be a language tag such as en")
          String language,
      @QueryParam("category") @Pattern(regexp = EntryRequest.SLUG, message = "is not a category")
          String category,
      @QueryParam("product") UUID product,
      @QueryParam("tag") @Pattern(regexp = EntryRequest.SLUG, message = "is not a tag") String tag,
      @QueryParam("status")
          @Pattern(regexp = STATUSES, message = "must be one of published, draft, all")
          String status,
      @BeanParam @Valid PageRequest page) {
    if (caller.isAdmin()) {
      Boolean published =
          status == null || status.equals("all")
              ? null
              : Boolean.valueOf(status.equals("published"));
      Filter filter = new Filter(language, category, product, tag, published);
      return Response.ok(
              page.page(
                  entries.page(filter, page.limit(), page.offset()).stream()
                      .map(Views::entry)
                      .toList(),
                  entries.count(filter)))
          .build();
    }
    if (status != null && !status.equals("published")) {
      throw ProblemException.forbidden("Only administrators see draft entries.");
    }
    Filter filter = new Filter(language, category, product, tag, true);
    String query =
        "list?category=" + category + "&product=" + product + "&tag=" + tag + window(page);
    return cached(
        language,
        query,
        () ->
            Views.json(
                page.page(
                    entries.page(filter, page.limit(), page.offset()).stream()
                        .map(Views::entry)
                        .toList(),
                    entries.count(filter))));
  }

  /**
   * Published entries matching {@code q} (1-200 characters; natural-language full-text search over
   * questions and answers), best first, each with a snippet highlighting the words found.
   */
  @GET
  @Path("search")
  @PermitAll
  public Response search(
      @QueryParam("q")
          @NotBlank(message = "is required")
          @Size(max = 200, message = "must be at most 200 characters")
          String q,
      @QueryParam("language")
          @NotNull(message = "is required")
          @Pattern(regexp = EntryRequest.LANGUAGE, message = "must be a language tag such as en")
          String language,
      @QueryParam("category") @Pattern(regexp = EntryRequest.SLUG, message = "is not a category")
          String category,
      @BeanParam @Valid PageRequest page) {
    String text = q.strip();
    String query =
        "search?q="
            + URLEncoder.encode(text, StandardCharsets.UTF_8)
            + "&category="
            + category
            + window(page);
    return cached(
        language,
        query,
        () -> {
          FaqSearch.Result found =
              search.search(text, language, category, page.limit(), page.offset());
          return Views.json(
              page.page(found.hits().stream().map(Views::hit).toList(), found.total()));
        });
  }

  /** Published entries with the most "helpful" votes first (those without one left out). */
  @GET
  @Path("most-helpful")
  @PermitAll
  public Response mostHelpful(
      @QueryParam("language")
          @NotNull(message = "is required")
          @Pattern(regexp = EntryRequest.LANGUAGE, message = "must be a language tag such as en")
          String language,
      @BeanParam @Valid PageRequest page) {
    return ranked(language, Ranking.MOST_HELPFUL, page);
  }

  /** Published entries read the most first (those never read left out). */
  @GET
  @Path("most-viewed")
  @PermitAll
  public Response mostViewed(
      @QueryParam("language")
          @NotNull(message = "is required")
          @Pattern(regexp = EntryRequest.LANGUAGE, message = "must be a language tag such as en")
          String language,
      @BeanParam @Valid PageRequest page) {
    return ranked(language, Ranking.MOST_VIEWED, page);
  }

  /**
   * One entry. A draft is 404 for anyone but an administrator. A read of a published entry by
   * anyone else counts as a view.
   */
  @GET
  @Path("{id}")
  @PermitAll
  public Response get(@PathParam("id") UUID id) {
    if (caller.isAdmin()) {
      return Response.ok(Views.entry(entries.get(id, true))).build();
    }
    byte[] json =
        cache.entry(request.site(), id, () -> Views.json(Views.entry(entries.get(id, false))));
    views.viewed(id);
    return conditional(json);
  }

  /** Writes an entry (201, {@code Location}). */
  @POST
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public Response create(
      @NotNull(message = "A request body is required.") @Valid EntryRequest body) {
    Entry entry = entries.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(entry.id().toString()).build())
        .entity(Views.entry(entry))
        .build();
  }

  /** Replaces an entry's content (and its publication, when {@code published} is given). */
  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public EntryView replace(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid EntryRequest body) {
    return Views.entry(entries.replace(id, body));
  }

  /** Publishes an entry ({@code {"published": true}}) or takes it back to a draft. */
  @PUT
  @Path("{id}/publication")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public EntryView publish(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid PublicationRequest body) {
    return Views.entry(entries.publish(id, body.published()));
  }

  /** Deletes an entry and its votes (204). */
  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public Response delete(@PathParam("id") UUID id) {
    entries.delete(id);
    return Response.noContent().build();
  }

  /**
   * Puts one category's entries in the order given (those left out after them); answers the
   * category's entries in their new order.
   */
  @PUT
  @Path("order")
  @RolesAllowed(Roles.ADMIN)
  @SecurityRequirement(name = "jwt")
  public List<EntryView> reorder(
      @NotNull(message = "A request body is required.") @Valid ReorderRequest body) {
    return entries.reorder(body).stream().map(Views::entry).toList();
  }

  /**
   * "Was this helpful?" on a published entry: one vote per visitor, a second one changes it. A
   * signed-in person votes as their account; anyone else with the visitor token of {@code POST
   * /visitors}, as the {@code X-Visitor-Token} header or the {@code oc_visitor} cookie. 401 {@code
   * visitor-token-required} or {@code invalid-visitor-token}.
   */
  @PUT
  @Path("{id}/vote")
  @PermitAll
  @RateLimited(value = "votes", perAddress = "120/PT1M")
  public VoteView vote(
      @PathParam("id") UUID id,
      @HeaderParam(VisitorToken.HEADER) String header,
      @CookieParam(VisitorToken.COOKIE) String cookie,
      @NotNull(message = "A request body is required.") @Valid VoteRequest body) {
    String voter = visitors.voter(caller, header != null ? header : cookie);
    return Views.vote(votes.vote(id, voter, body.helpful()));
  }

  private Response ranked(String language, Ranking ranking, PageRequest page) {
    return cached(
        language,
        ranking.name() + "?" + window(page),
        () ->
            Views.json(
                page.page(
                    entries.ranked(language, ranking, page.limit(), page.offset()).stream()
                        .map(Views::entry)
                        .toList(),
                    entries.countRanked(language, ranking))));
  }

  private Response cached(String language, String query, Supplier<byte[]> load) {
    return conditional(cache.page(request.site(), language, query, load));
  }

  /** The JSON with its entity tag, or 304 when the caller has it already. */
  private Response conditional(byte[] json) {
    EntityTag tag = new EntityTag(Views.etag(json));
    Response.ResponseBuilder notModified = http.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.tag(tag).build();
    }
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).tag(tag).build();
  }

  private static String window(PageRequest page) {
    return "&limit=" + page.limit() + "&offset=" + page.offset();
  }
}
