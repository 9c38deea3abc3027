package io.opencommerce.storefront.infrastructure;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.client.ServiceClient;
import io.opencommerce.questions.client.EntryView;
import io.opencommerce.questions.client.QuestionsApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What a product page asks the FAQ: the published entries about the product in one language.
 * Anonymous even for an administrator, so that no draft reaches a page cached for everyone.
 */
@ApplicationScoped
public class QuestionsService extends ServiceClient<QuestionsApi> {
  public QuestionsService() {
    super(QuestionsApi.class, "questions");
  }

  /** The first {@code limit} published entries linked to the product, in category order. */
  public Page<EntryView> productEntries(UUID productId, String language, int limit) {
    return call(api -> api.entries(null, language, null, productId, null, null, limit, 0));
  }
}
