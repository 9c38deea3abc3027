package io.opencommerce.newsletters.api;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.web.BodyLimit;
import io.opencommerce.kit.web.PageRequest;
import io.opencommerce.newsletters.application.Campaigns;
import io.opencommerce.newsletters.client.CampaignRequest;
import io.opencommerce.newsletters.client.CampaignSchedule;
import io.opencommerce.newsletters.client.CampaignView;
import io.opencommerce.newsletters.domain.Campaign;
import io.opencommerce.newsletters.domain.CampaignStatus;
import io.opencommerce.newsletters.domain.MailStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The current site's campaigns, for administrators: write one (a draft), schedule it, cancel it
 * while it waits, follow its progress (its mails queued, sent, failed, cancelled).
 */
@Path("campaigns")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {
  @Inject Campaigns campaigns;
  @Inject CurrentUser caller;
  @Context UriInfo uri;

  /** 201 with the draft; 400 naming the field or template part that is not right. */
  @POST
  @BodyLimit(bytes = TemplateResource.MAX_BYTES)
  public Response create(
      @NotNull(message = "A request body is required.") @Valid CampaignRequest body) {
    Campaign campaign = campaigns.create(body, caller.id());
    return Response.created(uri.getAbsolutePathBuilder().path(campaign.id().toString()).build())
        .entity(Views.campaign(campaign, Map.of(), true))
        .build();
  }

  /** Newest first; {@code status} filters. */
  @GET
  public Page<CampaignView> list(
      @QueryParam("status")
          @Pattern(
              regexp = CampaignView.STATUSES,
              message = "must be one of DRAFT, SCHEDULED, SENDING, SENT, CANCELLED")
          String status,
      @BeanParam @Valid PageRequest page) {
    CampaignStatus filter = status == null ? null : CampaignStatus.valueOf(status);
    List<Campaign> found = campaigns.page(filter, page.limit(), page.offset());
    Map<UUID, Map<MailStatus, Long>> mails =
        campaigns.mailCounts(found.stream().map(Campaign::id).toList());
    return page.page(
        found.stream().map(c -> Views.campaign(c, mails.get(c.id()), false)).toList(),
        campaigns.count(filter));
  }

  /** One campaign with its own template and its progress. */
  @GET
  @Path("{id}")
  public CampaignView get(@PathParam("id") UUID id) {
    return view(campaigns.get(id));
  }

  /**
   * Schedules a draft, or moves a scheduled campaign ({@code {"sendAt": "…"}}, a time to come). 409
   * {@code illegal-transition} once it has started or when it was cancelled.
   */
  @POST
  @Path("{id}/schedule")
  public CampaignView schedule(
      @PathParam("id") UUID id,
      @NotNull(message = "A request body is required.") @Valid CampaignSchedule body) {
    return view(campaigns.schedule(id, body.sendAt()));
  }

  /**
   * Cancels a draft or a scheduled campaign (again: nothing changes). 409 {@code
   * illegal-transition} once it has started.
   */
  @POST
  @Path("{id}/cancel")
  public CampaignView cancel(@PathParam("id") UUID id) {
    return view(campaigns.cancel(id));
  }

  private CampaignView view(Campaign campaign) {
    return Views.campaign(
        campaign, campaigns.mailCounts(List.of(campaign.id())).get(campaign.id()), true);
  }
}
