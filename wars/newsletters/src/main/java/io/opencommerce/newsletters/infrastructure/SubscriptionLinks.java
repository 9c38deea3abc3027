package io.opencommerce.newsletters.infrastructure;

import io.opencommerce.kit.security.HmacKey;
import io.opencommerce.newsletters.domain.Subscriber;
import io.opencommerce.newsletters.infrastructure.LinkSignatures.Purpose;
import io.opencommerce.newsletters.infrastructure.LinkSignatures.Signed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The signed links of subscribers: the confirmation link of a subscription request (good for that
 * request's opt-in round only) and the one-click unsubscribe link every newsletter carries (good
 * for as long as the subscriber exists), both signed with {@code newsletters.links.secret} (a
 * Secret, at least 16 bytes; {@code NEWSLETTERS_LINKS_SECRET}). The service does not start without
 * it: every subscription would otherwise fail at its first mail.
 */
@ApplicationScoped
public class SubscriptionLinks {
  public static final String SECRET = "newsletters.links.secret";

  /** Unsubscribe links name no opt-in round: one keeps working after the subscriber asked again. */
  static final int ANY_ROUND = 0;

  @Inject Links links;

  private volatile LinkSignatures signatures;

  void check(@Observes Startup startup) {
    signatures();
  }

  private LinkSignatures signatures() {
    LinkSignatures known = signatures;
    if (known == null) {
      known = new LinkSignatures(HmacKey.configured(SECRET, "subscribers' links"));
      signatures = known;
    }
    return known;
  }

  /** The link that confirms {@code subscriber}'s current request. */
  public String confirmation(Subscriber subscriber) {
    return links.subscriptionConfirmation(
        signatures().token(Purpose.CONFIRM, subscriber.id(), subscriber.optInRound()));
  }

  /** The one-click link that unsubscribes {@code subscriber}. */
  public String unsubscribe(Subscriber subscriber) {
    return links.unsubscribe(signatures().token(Purpose.UNSUBSCRIBE, subscriber.id(), ANY_ROUND));
  }

  /** What a link's token names, if this shop signed it for {@code purpose}. */
  public Optional<Signed> verify(Purpose purpose, String token) {
    return signatures().verify(purpose, token);
  }
}
