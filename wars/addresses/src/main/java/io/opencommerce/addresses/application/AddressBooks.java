package io.opencommerce.addresses.application;

import io.opencommerce.addresses.client.AddressRequest;
import io.opencommerce.addresses.domain.Address;
import io.opencommerce.addresses.domain.AddressBook;
import io.opencommerce.addresses.domain.CountryRules;
import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.contracts.auth.UserRegistered;
import io.opencommerce.kit.events.Received;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Customers' address books: opened when an account is registered, then filled by their owner. The
 * first address becomes the default billing and shipping address; making another one a default
 * takes the flag from the previous one.
 */
@ApplicationScoped
@Transactional
public class AddressBooks {
  /** How many addresses one book holds at most. */
  public static final int MAX_ADDRESSES = 50;

  private static final Logger LOG = Logger.getLogger(AddressBooks.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject OwnedRecords records;

  /** Opens the book of a newly registered account (once, whatever the redeliveries). */
  void open(@Observes @Received(inAnyOrder = true) UserRegistered registered) {
    if (em.find(AddressBook.class, registered.userId().toString()) == null) {
      em.persist(
          new AddressBook(registered.userId(), registered.displayName(), registered.email()));
      LOG.info(() -> "Opened the address book of " + registered.userId());
    }
  }

  public Address create(UUID owner, AddressRequest body) {
    long count = count(owner);
    if (count >= MAX_ADDRESSES) {
      throw ProblemException.conflict(
          "address-book-full", "An address book holds at most " + MAX_ADDRESSES + " addresses.");
    }
    Address address = new Address(request.site(), owner);
    describe(address, owner, body);
    boolean first = count == 0;
    em.persist(address);
    applyDefaults(
        address,
        owner,
        first || Boolean.TRUE.equals(body.defaultBilling()),
        first || Boolean.TRUE.equals(body.defaultShipping()));
    return address;
  }

  public Address replace(UUID id, UUID caller, boolean admin, AddressRequest body) {
    Address address = get(id, caller, admin);
    describe(address, address.ownerId(), body);
    applyDefaults(
        address,
        address.ownerId(),
        Boolean.TRUE.equals(body.defaultBilling()) || address.isDefaultBilling(),
        Boolean.TRUE.equals(body.defaultShipping()) || address.isDefaultShipping());
    em.flush();
    return address;
  }

  public void delete(UUID id, UUID caller, boolean admin) {
    em.remove(get(id, caller, admin));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Address get(UUID id, UUID caller, boolean admin) {
    return records.find(em, Address.class, id, caller, admin);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Address> page(UUID owner, int limit, int offset) {
    return em.createQuery(
            "SELECT a FROM Address a WHERE a.ownerId = :owner AND a.site = :site"
                + " ORDER BY a.createdAt, a.id",
            Address.class)
        .setParameter("owner", owner.toString())
        .setParameter("site", request.site())
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The book's default shipping and billing addresses: at most two, one of each. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Address> defaults(UUID owner) {
    return em.createQuery(
            "SELECT a FROM Address a WHERE a.ownerId = :owner AND a.site = :site"
                + " AND (a.defaultShipping = TRUE OR a.defaultBilling = TRUE)",
            Address.class)
        .setParameter("owner", owner.toString())
        .setParameter("site", request.site())
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(UUID owner) {
    return em.createQuery(
            "SELECT COUNT(a) FROM Address a WHERE a.ownerId = :owner AND a.site = :site",
            Long.class)
        .setParameter("owner", owner.toString())
        .setParameter("site", request.site())
        .getSingleResult();
  }

  private void describe(Address address, UUID owner, AddressRequest body) {
    List<FieldViolation> problems =
        CountryRules.check(body.country(), body.postalCode(), body.region());
    if (!problems.isEmpty()) {
      throw ProblemException.invalidBody(problems);
    }
    String recipient = body.recipient();
    if (recipient == null || recipient.isBlank()) {
      AddressBook book = em.find(AddressBook.class, owner.toString());
      if (book == null) {
        throw ProblemException.invalidBody("recipient", "Recipient is required.");
      }
      recipient = book.displayName();
    }
    address.describe(
        body.label(),
        recipient,
        body.company(),
        body.line1(),
        body.line2(),
        body.postalCode(),
        body.city(),
        body.region(),
        body.country(),
        body.phone());
  }

  /** Sets the owner's default flags on {@code address}, taking them from any other address. */
  private void applyDefaults(Address address, UUID owner, boolean billing, boolean shipping) {
    if (billing) {
      em.createQuery(
              "UPDATE Address a SET a.defaultBilling = FALSE"
                  + " WHERE a.ownerId = :owner AND a.site = :site AND a.id <> :id")
          .setParameter("owner", owner.toString())
          .setParameter("site", address.site())
          .setParameter("id", address.id().toString())
          .executeUpdate();
    }
    if (shipping) {
      em.createQuery(
              "UPDATE Address a SET a.defaultShipping = FALSE"
                  + " WHERE a.ownerId = :owner AND a.site = :site AND a.id <> :id")
          .setParameter("owner", owner.toString())
          .setParameter("site", address.site())
          .setParameter("id", address.id().toString())
          .executeUpdate();
    }
    address.markDefaultBilling(billing);
    address.markDefaultShipping(shipping);
  }
}
