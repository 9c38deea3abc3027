package io.opencommerce.questions.application;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.security.HmacKey;
import io.opencommerce.questions.domain.VisitorTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

/**
 * Who votes: a signed-in person by their account, an anonymous visitor by the token this service
 * signed for them ({@link VisitorTokens}, key {@code questions.visitor-secret}, a Secret of at
 * least 16 bytes; {@code QUESTIONS_VISITOR_SECRET}). The service does not start without the key: no
 * anonymous visitor could vote.
 */
@ApplicationScoped
public class Visitors {
  public static final String SECRET = "questions.visitor-secret";

  private volatile VisitorTokens tokens;

  void check(@Observes Startup startup) {
    tokens();
  }

  /** A new visitor's token. */
  public String issue() {
    return tokens().issue();
  }

  /**
   * The voter a request stands for: {@code user:<id>} for a signed-in person (whatever token they
   * also send), {@code visitor:<id>} for an anonymous visitor with a valid token; 401 {@code
   * visitor-token-required} without either, 401 {@code invalid-visitor-token} for a token this
   * service did not sign (forged, changed, or signed with an older key).
   */
  public String voter(CurrentUser caller, String visitorToken) {
    if (caller.isAuthenticated()) {
      return "user:" + caller.id();
    }
    if (visitorToken == null || visitorToken.isBlank()) {
      throw ProblemException.unauthorized(
          "visitor-token-required",
          "Sign in, or send the visitor token POST /questions/api/visitors gives, to vote.");
    }
    return "visitor:"
        + tokens()
            .verify(visitorToken.strip())
            .orElseThrow(
                () ->
                    ProblemException.unauthorized(
                        "invalid-visitor-token",
                        "This visitor token was not issued by the shop; ask for a new one."));
  }

  private VisitorTokens tokens() {
    VisitorTokens known = tokens;
    if (known == null) {
      known = new VisitorTokens(HmacKey.configured(SECRET, "visitors' tokens"));
      tokens = known;
    }
    return known;
  }
}
