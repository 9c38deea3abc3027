package io.opencommerce.kit.persistence;

/** A record that belongs to one site of the platform: other sites never see it. */
public interface SiteScoped {
  String site();
}
