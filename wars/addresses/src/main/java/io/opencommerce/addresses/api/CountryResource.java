package io.opencommerce.addresses.api;

import io.opencommerce.addresses.client.CountryView;
import io.opencommerce.addresses.domain.CountryRules;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The ISO 3166 country list, with what the platform needs of an address in each. */
@Path("countries")
@RequestScoped
@PermitAll
public class CountryResource {
  private static final List<CountryView> COUNTRIES =
      CountryRules.allCountries().stream()
          .map(
              c -> {
                var rule = CountryRules.of(c[0]);
                return new CountryView(
                    c[0],
                    c[1],
                    rule.isPresent(),
                    rule.map(CountryRules.Rule::example).orElse(null),
                    rule.map(CountryRules.Rule::regionRequired).orElse(false));
              })
          .toList();

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(3600);
    return Response.ok(COUNTRIES).cacheControl(cache).build();
  }
}
