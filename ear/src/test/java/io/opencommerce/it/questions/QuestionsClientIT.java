package io.opencommerce.it.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.it.support.Platform;
import io.opencommerce.questions.client.EntryRequest;
import io.opencommerce.questions.client.EntryView;
import io.opencommerce.questions.client.PublicationRequest;
import io.opencommerce.questions.client.QuestionsApi;
import io.opencommerce.questions.client.ReorderRequest;
import io.opencommerce.questions.client.SearchHit;
import io.opencommerce.questions.client.VisitorToken;
import io.opencommerce.questions.client.VoteRequest;
import io.opencommerce.questions.client.VoteView;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RestClientBuilder;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The FAQ through the published client jar only, as a shop front or the demo shop drives it ({@code
 * QuestionsApi}, on the default site): an entry written as a draft, published, found, voted on by a
 * visitor, reordered and deleted again, so the default site's FAQ keeps only the demo's entries;
 * refusals arrive as JAX-RS exceptions.
 */
@MicroShedTest
public class QuestionsClientIT {

  @Test
  void anFaqEntryThroughTheClientJar() {
    QuestionsApi questions =
        new RestClientBuilder()
            .withAppContextRoot(Platform.BASE + "/questions")
            .withJaxrsPath("/api")
            .build(QuestionsApi.class);
    String admin = "Bearer " + Platform.admin().accessToken();
    String word = FaqDesk.word();
    String category = "it-" + UUID.randomUUID().toString().substring(0, 8);

    Response created =
        questions.create(
            admin,
            new EntryRequest(
                "en",
                category,
                "Through the client jar?",
                "Yes: the " + word + " way, with [a link](https://shop.example).",
                List.of("client"),
                null,
                false,
                null));
    assertThat(created.getStatus()).isEqualTo(201);
    UUID id = UUID.fromString(created.getLocation().getPath().replaceAll(".*/", ""));
    try {
      assertThatThrownBy(() -> questions.entry(null, id))
          .isInstanceOfSatisfying(
              ClientErrorException.class,
              e -> assertThat(e.getResponse().getStatus()).isEqualTo(404));
      EntryView draft = questions.entry(admin, id);
      assertThat(draft.published()).isFalse();
      assertThat(draft.answerHtml()).contains("rel=\"nofollow noopener\"");

      EntryView published = questions.publish(admin, id, new PublicationRequest(true));
      assertThat(published.published()).isTrue();
      assertThat(published.publishedAt()).isNotNull();

      Page<SearchHit> found = questions.search(word, "en", category, 10, 0);
      assertThat(found.items()).extracting(SearchHit::id).containsExactly(id);
      assertThat(found.items().get(0).snippet()).contains("<mark>" + word + "</mark>");

      VisitorToken visitor = questions.visitor();
      VoteView vote = questions.vote(null, visitor.token(), id, new VoteRequest(true));
      assertThat(vote.helpfulCount()).isEqualTo(1);
      assertThat(questions.vote(null, visitor.token(), id, new VoteRequest(true)).helpfulCount())
          .isEqualTo(1);
      assertThatThrownBy(
              () -> questions.vote(null, visitor.token() + "x", id, new VoteRequest(true)))
          .isInstanceOf(NotAuthorizedException.class);

      EntryView second =
          questions
              .create(
                  admin,
                  new EntryRequest(
                      "en", category, "A second one?", "Yes.", List.of(), null, true, null))
              .readEntity(EntryView.class);
      List<EntryView> ordered =
          questions.reorder(admin, new ReorderRequest("en", category, List.of(second.id(), id)));
      assertThat(ordered).extracting(EntryView::id).containsExactly(second.id(), id);
      assertThat(
              questions.entries(null, "en", category, null, null, null, 10, 0).items().stream()
                  .map(EntryView::id))
          .containsExactly(second.id(), id);
      assertThat(questions.delete(admin, second.id()).getStatus()).isEqualTo(204);

      assertThatThrownBy(
              () ->
                  questions.replace(
                      admin,
                      id,
                      new EntryRequest("english", category, "Q", "A", null, null, null, null)))
          .isInstanceOfSatisfying(
              ClientErrorException.class,
              e -> assertThat(e.getResponse().getStatus()).isEqualTo(400));
    } finally {
      assertThat(questions.delete(admin, id).getStatus()).isEqualTo(204);
    }
    assertThat(questions.entries(null, "en", category, null, null, null, 10, 0).total()).isZero();
  }
}
