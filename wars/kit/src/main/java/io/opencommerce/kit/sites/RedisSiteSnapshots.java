package io.opencommerce.kit.sites;

import io.opencommerce.contracts.websites.SiteChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

/**
 * The snapshot in Redis, under {@value #KEY}: the feed as JSON, written by every registry after
 * every load (the same feed, whichever writes it last), read only by a registry that could not load
 * the feed at start. Losing it loses nothing: the next load writes it again.
 */
@ApplicationScoped
public class RedisSiteSnapshots implements SiteSnapshots {
  public static final String KEY = "oc:sites:feed";

  @Inject RedisClient redis;

  @Override
  public void save(List<SiteChanged> feed) {
    redis.set(KEY, SiteFeedJson.write(feed));
  }

  @Override
  public Optional<List<SiteChanged>> load() {
    String json = redis.get(KEY);
    return json == null ? Optional.empty() : Optional.of(SiteFeedJson.read(json));
  }
}
