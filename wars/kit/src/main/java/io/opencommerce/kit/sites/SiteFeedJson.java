package io.opencommerce.kit.sites;

import io.opencommerce.contracts.websites.SiteChanged;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry feed as JSON: an array of {@link SiteChanged}, as the websites service serves it.
 */
final class SiteFeedJson {
  private static final Type FEED =
      new ArrayList<SiteChanged>() {}.getClass().getGenericSuperclass();
  private static final Jsonb JSONB = JsonbBuilder.create();

  private SiteFeedJson() {}

  static List<SiteChanged> read(String json) {
    List<SiteChanged> feed = JSONB.fromJson(json, FEED);
    if (feed == null) {
      throw new IllegalArgumentException("The site feed is empty");
    }
    for (SiteChanged site : feed) {
      if (site == null || site.code() == null) {
        throw new IllegalArgumentException("The site feed holds a site without a code");
      }
    }
    return feed;
  }

  static String write(List<SiteChanged> feed) {
    return JSONB.toJson(feed, FEED);
  }

  static SiteChanged readEvent(String json) {
    return JSONB.fromJson(json, SiteChanged.class);
  }
}
