package io.opencommerce.questions.client;

import io.opencommerce.contracts.api.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The FAQ REST API as a typed MicroProfile REST Client (config key {@code questions}). Anyone reads
 * and searches the published entries of a site and votes on them; administrators write, publish,
 * order and delete them, and see the drafts. An {@code authorization} argument may be null for an
 * anonymous call.
 */
@RegisterRestClient(configKey = "questions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface QuestionsApi {

  /**
   * Entries of the site in {@code language}, by category and position, filtered by {@code
   * category}, {@code product} and {@code tag}. {@code status} ({@code published}, {@code draft},
   * {@code all}) is for administrators; everyone else sees published entries only.
   */
  @GET
  @Path("entries")
  Page<EntryView> entries(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("language") String language,
      @QueryParam("category") String category,
      @QueryParam("product") UUID product,
      @QueryParam("tag") String tag,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** One entry; a draft is 404 for anyone but an administrator. */
  @GET
  @Path("entries/{id}")
  EntryView entry(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /**
   * Published entries matching {@code q} (natural-language full-text search over questions and
   * answers), best first, with highlighted snippets.
   */
  @GET
  @Path("entries/search")
  Page<SearchHit> search(
      @QueryParam("q") String q,
      @QueryParam("language") String language,
      @QueryParam("category") String category,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** Published entries with the most "helpful" votes first. */
  @GET
  @Path("entries/most-helpful")
  Page<EntryView> mostHelpful(
      @QueryParam("language") String language,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** Published entries read the most first. */
  @GET
  @Path("entries/most-viewed")
  Page<EntryView> mostViewed(
      @QueryParam("language") String language,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  /** Writes an entry (201, {@code Location}); administrators only. */
  @POST
  @Path("entries")
  Response create(@HeaderParam("Authorization") String authorization, EntryRequest request);

  /** Replaces an entry, its publication included; administrators only. */
  @PUT
  @Path("entries/{id}")
  EntryView replace(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      EntryRequest request);

  /** Publishes an entry or takes it back to a draft; administrators only. */
  @PUT
  @Path("entries/{id}/publication")
  EntryView publish(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      PublicationRequest request);

  /** Deletes an entry with its votes (204); administrators only. */
  @DELETE
  @Path("entries/{id}")
  Response delete(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  /**
   * Puts one category's entries in the order given; answers the category's entries in their new
   * order. Administrators only.
   */
  @PUT
  @Path("entries/order")
  List<EntryView> reorder(
      @HeaderParam("Authorization") String authorization, ReorderRequest request);

  /** A new anonymous visitor's signed token (201; also set as a cookie). */
  @POST
  @Path("visitors")
  VisitorToken visitor();

  /**
   * Votes on a published entry, once per visitor: a signed-in customer by their account, anyone
   * else by their visitor token ({@code X-Visitor-Token}). Voting again changes the vote. 401
   * {@code invalid-visitor-token} for a token the service did not sign.
   */
  @PUT
  @Path("entries/{id}/vote")
  VoteView vote(
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(VisitorToken.HEADER) String visitorToken,
      @PathParam("id") UUID id,
      VoteRequest request);
}
