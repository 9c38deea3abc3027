package io.opencommerce.baskets.application;

import io.opencommerce.baskets.domain.Basket;
import io.opencommerce.contracts.orders.OrderPlaced;
import io.opencommerce.kit.events.Received;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.redis.Cache;
import io.opencommerce.kit.security.SecureTokens;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Baskets, durable in MySQL and hot in Redis: every change is written to the database and then,
 * once committed, to Redis ({@link Cache}); reads take Redis first. Losing Redis loses no basket,
 * only speed. A guest basket is known by a secret token (only its hash is stored) until it is
 * merged into the customer's basket on login.
 */
@ApplicationScoped
public class Baskets {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final long HOT_SECONDS = 24 * 3600;

  @Inject Cache cache;
  @Inject CurrentRequest request;
  @Inject BasketWriter writer;

  /** The items of a basket as the hot copy holds them. */
  public record Snapshot(UUID id, List<Item> items) {
    /** One item of a snapshot. */
    public record Item(UUID productId, int quantity) {}

    static Snapshot of(Basket basket) {
      return new Snapshot(
          basket.id(),
          basket.items().stream().map(i -> new Item(i.productId(), i.quantity())).toList());
    }
  }

  /** The customer's basket (empty if they never had one). */
  public Snapshot ofCustomer(UUID owner) {
    String key = customerKey(owner);
    return hot(key).orElseGet(() -> cache(key, writer.customer(request.site(), owner)));
  }

  /** A guest's basket, or 404 for an unknown token. */
  public Snapshot ofGuest(String token) {
    String key = guestKey(token);
    return hot(key)
        .orElseGet(
            () ->
                cache(
                    key,
                    writer
                        .guest(SecureTokens.hash(token))
                        .orElseThrow(() -> ProblemException.notFound("Basket", "of this token"))));
  }

  public Snapshot changeCustomer(UUID owner, Consumer<Basket> change) {
    return cache(customerKey(owner), writer.changeCustomer(request.site(), owner, change));
  }

  public Snapshot changeGuest(String token, Consumer<Basket> change) {
    return cache(guestKey(token), writer.changeGuest(SecureTokens.hash(token), change));
  }

  /** Opens a guest basket; returns its secret token. */
  public String openGuest() {
    String token = SecureTokens.newToken();
    writer.openGuest(request.site(), SecureTokens.hash(token));
    return token;
  }

  /**
   * Takes what was ordered out of the customer's basket: the order holds it now. The hot copy is
   * dropped once the change is committed, so the next read loads the durable one.
   */
  void ordered(@Observes @Received(inAnyOrder = true) OrderPlaced order) {
    writer.changeExistingCustomer(
        request.site(),
        order.customerId(),
        basket -> order.lines().forEach(line -> basket.remove(line.productId())));
    cache.evictAfterCommit(customerKey(order.customerId()));
  }

  /** Moves a guest's items into the customer's basket and closes the guest basket. */
  public Snapshot merge(UUID owner, String token) {
    Snapshot merged = writer.merge(request.site(), owner, SecureTokens.hash(token));
    cache.evict(guestKey(token));
    return cache(customerKey(owner), merged);
  }

  private Optional<Snapshot> hot(String key) {
    String json = cache.get(key);
    return json == null ? Optional.empty() : Optional.of(JSONB.fromJson(json, Snapshot.class));
  }

  private Snapshot cache(String key, Snapshot snapshot) {
    cache.put(key, JSONB.toJson(snapshot), HOT_SECONDS);
    return snapshot;
  }

  private String customerKey(UUID owner) {
    return "oc:baskets:customer:" + request.site() + ":" + owner;
  }

  private String guestKey(String token) {
    return "oc:baskets:guest:" + SecureTokens.hash(token);
  }

  /** The durable side: one transaction per change, the basket row locked while it changes. */
  @ApplicationScoped
  @Transactional
  public static class BasketWriter {
    @PersistenceContext EntityManager em;

    public Snapshot customer(String site, UUID owner) {
      return find(site, owner, false)
          .map(Snapshot::of)
          .orElseGet(() -> new Snapshot(null, List.of()));
    }

    public Optional<Snapshot> guest(String tokenHash) {
      return findGuest(tokenHash, false).map(Snapshot::of);
    }

    public Snapshot changeCustomer(String site, UUID owner, Consumer<Basket> change) {
      Basket basket =
          find(site, owner, true)
              .orElseGet(
                  () -> {
                    Basket created = Basket.ofCustomer(site, owner);
                    em.persist(created);
                    return created;
                  });
      return apply(basket, change);
    }

    /** Changes the customer's basket if they have one (an order never opens a basket). */
    public void changeExistingCustomer(String site, UUID owner, Consumer<Basket> change) {
      find(site, owner, true).ifPresent(basket -> apply(basket, change));
    }

    public Snapshot changeGuest(String tokenHash, Consumer<Basket> change) {
      Basket basket =
          findGuest(tokenHash, true)
              .orElseThrow(() -> ProblemException.notFound("Basket", "of this token"));
      return apply(basket, change);
    }

    public void openGuest(String site, String tokenHash) {
      em.persist(Basket.ofGuest(site, tokenHash));
    }

    public Snapshot merge(String site, UUID owner, String tokenHash) {
      Basket guest =
          findGuest(tokenHash, true)
              .orElseThrow(() -> ProblemException.notFound("Basket", "of this token"));
      Snapshot merged = changeCustomer(site, owner, basket -> basket.absorb(guest));
      em.remove(guest);
      return merged;
    }

    private Snapshot apply(Basket basket, Consumer<Basket> change) {
      try {
        change.accept(basket);
        em.flush();
      } catch (IllegalStateException e) {
        throw ProblemException.conflict("basket-full", e.getMessage());
      } catch (PersistenceException e) {
        throw ProblemException.conflict(
            "basket-changed", "The basket changed meanwhile; try again.");
      }
      return Snapshot.of(basket);
    }

    private Optional<Basket> find(String site, UUID owner, boolean lock) {
      var query =
          em.createQuery(
                  "SELECT b FROM Basket b WHERE b.site = :site AND b.ownerId = :owner",
                  Basket.class)
              .setParameter("site", site)
              .setParameter("owner", owner.toString());
      if (lock) {
        query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
      }
      return query.getResultStream().findFirst();
    }

    private Optional<Basket> findGuest(String tokenHash, boolean lock) {
      var query =
          em.createQuery("SELECT b FROM Basket b WHERE b.guestTokenHash = :hash", Basket.class)
              .setParameter("hash", tokenHash);
      if (lock) {
        query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
      }
      return query.getResultStream().findFirst();
    }
  }
}
