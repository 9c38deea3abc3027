package io.opencommerce.kit.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Operations on the service's dead-letter queues, for administrators: how many messages each holds,
 * and replaying them into their queue once the cause is fixed.
 */
@Path("admin/dead-letters")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
  private static final Logger LOG = Logger.getLogger(DeadLetterResource.class.getName());

  @Inject RabbitBroker broker;

  /** One consumed queue and how many messages wait in its dead-letter queue. */
  public record DeadLetterQueue(String queue, String deadLetterQueue, long messages) {}

  /** What a replay moved. */
  public record Replay(String queue, int replayed) {}

  @GET
  public List<DeadLetterQueue> list() throws Exception {
    List<DeadLetterQueue> result = new ArrayList<>();
    try (Channel channel = broker.connection().createChannel()) {
      for (String queue : broker.queueNames()) {
        result.add(
            new DeadLetterQueue(queue, queue + ".dlq", channel.messageCount(queue + ".dlq")));
      }
    }
    return result;
  }

  @POST
  @Path("{queue}/replay")
  public Replay replay(
      @PathParam("queue") String queue,
      @QueryParam("max") @DefaultValue("100") @Min(1) @Max(10000) int max)
      throws Exception {
    if (!broker.queueNames().contains(queue)) {
      throw ProblemException.notFound("Queue", queue);
    }
    int replayed = 0;
    try (Channel channel = broker.connection().createChannel()) {
      channel.confirmSelect();
      for (; replayed < max; replayed++) {
        GetResponse message = channel.basicGet(queue + ".dlq", false);
        if (message == null) {
          break;
        }
        AMQP.BasicProperties properties = message.getProps();
        channel.basicPublish("", queue, true, properties, message.getBody());
        channel.waitForConfirmsOrDie(5000);
        channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
      }
    }
    int count = replayed;
    LOG.info(() -> "Replayed " + count + " dead-lettered message(s) into " + queue);
    return new Replay(queue, replayed);
  }
}
