package io.opencommerce.websites.application;

import io.opencommerce.contracts.websites.SiteChanged;
import io.opencommerce.kit.sites.SiteRegistry;
import io.opencommerce.kit.sites.SiteSource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;

/**
 * The websites service's own site registry reads the feed from its database rather than calling
 * itself over HTTP, and takes each change it commits at once, without waiting for its event to come
 * back from the broker.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
@ApplicationScoped
public class OwnSiteSource implements SiteSource {
  @Inject Sites sites;
  @Inject SiteRegistry registry;

  @Override
  public List<SiteChanged> load() {
    return sites.feed();
  }

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteChanged changed) {
    registry.apply(changed);
  }

  @Override
  public String toString() {
    return "the websites database";
  }
}
