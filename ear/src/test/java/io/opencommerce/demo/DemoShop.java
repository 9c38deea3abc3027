package io.opencommerce.demo;

import io.opencommerce.addresses.client.AddressRequest;
import io.opencommerce.addresses.client.AddressesApi;
import io.opencommerce.auth.client.AuthApi;
import io.opencommerce.auth.client.LoginRequest;
import io.opencommerce.auth.client.RegisterRequest;
import io.opencommerce.auth.client.UserProfile;
import io.opencommerce.contacts.client.ContactsApi;
import io.opencommerce.contacts.client.RoutingRuleRequest;
import io.opencommerce.newsletters.client.CampaignRequest;
import io.opencommerce.newsletters.client.NewslettersApi;
import io.opencommerce.products.client.CategoryRequest;
import io.opencommerce.products.client.CategoryView;
import io.opencommerce.products.client.ProductRequest;
import io.opencommerce.products.client.ProductView;
import io.opencommerce.products.client.ProductsApi;
import io.opencommerce.products.client.StockRequest;
import io.opencommerce.questions.client.EntryRequest;
import io.opencommerce.questions.client.EntryView;
import io.opencommerce.questions.client.QuestionsApi;
import io.opencommerce.sav.client.SavApi;
import io.opencommerce.sav.client.TicketRequest;
import io.opencommerce.sav.client.TicketView;
import io.opencommerce.websites.client.SiteRequest;
import io.opencommerce.websites.client.WebsitesApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.cxf.jaxrs.client.JAXRSClientFactory;

/**
 * The demo shop of the local platform, created through the platform's own client jars: the demo
 * customer, the catalogue of {@code demo/shop.json} (categories, products and their units on hand,
 * as the bootstrap administrator), the contact form's topics, the FAQ (published entries in English
 * and French, one about a demo product, and a draft), a draft newsletter, the customer's first
 * address, a support agent (registered, then granted the {@code agent} role by the administrator),
 * one support ticket of the customer's, and two shops of their own beside the default site — a
 * French and a German one (sites created through the websites service, each with its catalogue and
 * FAQ in its languages). Only what is missing is created, so running it again changes nothing (and
 * never resets the stock orders have sold). {@code liberty-config/local/platform up} runs it once
 * the server is ready ({@code io.opencommerce.local.LocalPlatform}); to run it alone:
 *
 * <pre>
 * mvn -q -pl ear test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opencommerce.demo.DemoShop [-Dplatform.url=http://127.0.0.1:9080]
 *     [-Ddemo.shop=another-shop.json]
 * </pre>
 *
 * The administrator's login is {@code AUTH_BOOTSTRAP_ADMIN_EMAIL} / {@code
 * AUTH_BOOTSTRAP_ADMIN_PASSWORD} when set (as the server was given them), the local defaults
 * otherwise. An account that cannot log in (kept from an earlier run with another password) is
 * skipped with a warning. Exits with 1, naming the answer, when the platform refuses anything else.
 */
public final class DemoShop {
  public static final String ADMIN_EMAIL = "admin@opencommerce.local";
  public static final String ADMIN_PASSWORD = "Demo-Operator-2026!";

  /** The catalogue the local platform starts with (a test resource of this module). */
  public static final String SHOP_FILE = "ear/src/test/resources/demo/shop.json";

  /** How long the customer's address book may take to open (it opens on UserRegistered). */
  private static final Duration ADDRESS_BOOK_WAIT = Duration.ofSeconds(20);

  private final AuthApi auth;
  private final ProductsApi products;
  private final AddressesApi addresses;
  private final ContactsApi contacts;
  private final NewslettersApi newsletters;
  private final QuestionsApi questions;
  private final SavApi sav;
  private final WebsitesApi websites;
  private final String base;
  private final String currency;

  /** The catalogue file, as records. */
  public record Shop(
      Customer customer,
      List<Category> categories,
      List<Product> products,
      List<RoutingRuleRequest> contactTopics,
      List<Faq> faq,
      CampaignRequest newsletter,
      Agent agent,
      TicketRequest ticket,
      List<SiteShop> sites) {}

  /**
   * A shop of its own on the platform: the site's settings (created by the administrator through
   * the websites service) and its own catalogue and FAQ, in its currency and languages.
   */
  public record SiteShop(
      SiteRequest settings, List<Category> categories, List<Product> products, List<Faq> faq) {}

  /** The support agent's account (a development password, listed in the README). */
  public record Agent(String email, String password, String displayName) {}

  /** An FAQ entry; {@code productSku} links it to a product of the catalogue. */
  public record Faq(
      String language,
      String category,
      String question,
      String answer,
      List<String> tags,
      String productSku,
      boolean published) {}

  public record Customer(
      String email, String password, String displayName, AddressRequest address) {}

  public record Category(String slug, String name) {}

  public record Product(
      String category,
      String sku,
      BigDecimal price,
      int onHand,
      String name,
      String description,
      Map<String, String> attributes) {}

  public DemoShop(String base) {
    this(base, null, "EUR");
  }

  /** The demo shop's clients for one site ({@code site} null: the platform's default site). */
  private DemoShop(String base, String site, String currency) {
    this.base = base;
    this.currency = currency;
    auth = client(AuthApi.class, base, "auth", site);
    products = client(ProductsApi.class, base, "products", site);
    addresses = client(AddressesApi.class, base, "addresses", site);
    contacts = client(ContactsApi.class, base, "contacts", site);
    newsletters = client(NewslettersApi.class, base, "newsletters", site);
    questions = client(QuestionsApi.class, base, "questions", site);
    sav = client(SavApi.class, base, "sav", site);
    websites = client(WebsitesApi.class, base, "websites", site);
  }

  public static void main(String[] args) throws Exception {
    String base = System.getProperty("platform.url", "http://127.0.0.1:9080");
    String file = System.getProperty("demo.shop");
    try {
      new DemoShop(base).create(read(file == null ? null : java.nio.file.Path.of(file)));
    } catch (Refused e) {
      System.err.println("demo: error: " + e.getMessage());
      System.exit(1);
    } catch (jakarta.ws.rs.ProcessingException e) {
      System.err.println("demo: error: the platform at " + base + " does not answer (" + e + ")");
      System.exit(1);
    }
    System.exit(0); // the REST clients' threads would keep exec:java waiting
  }

  /** The shop described by {@code file}, or by {@link #SHOP_FILE} when it is null. */
  public static Shop read(java.nio.file.Path file) throws IOException {
    try (InputStream in =
            file == null
                ? DemoShop.class.getResourceAsStream("/demo/shop.json")
                : java.nio.file.Files.newInputStream(file);
        Jsonb jsonb = JsonbBuilder.create()) {
      return jsonb.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), Shop.class);
    } catch (Exception e) {
      if (e instanceof IOException io) {
        throw io;
      }
      throw new IOException("cannot read the demo shop: " + e.getMessage(), e);
    }
  }

  /** Creates what is missing of {@code shop}; throws when the platform refuses something else. */
  public void create(Shop shop) throws InterruptedException {
    Optional<String> customerToken =
        login(shop.customer().email(), shop.customer().password(), false);
    if (customerToken.isPresent()) {
      ok("customer " + shop.customer().email() + " already registered");
    } else {
      register(shop.customer());
      customerToken = login(shop.customer().email(), shop.customer().password(), true);
    }
    Optional<String> adminToken =
        login(
            env("AUTH_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL),
            env("AUTH_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD),
            true);
    if (adminToken.isPresent()) {
      catalogue(adminToken.get(), shop);
      contactTopics(adminToken.get(), shop);
      faq(adminToken.get(), shop);
      newsletter(adminToken.get(), shop.newsletter());
      if (shop.agent() != null) {
        agent(adminToken.get(), shop.agent());
      }
      if (shop.sites() != null) {
        for (SiteShop site : shop.sites()) {
          site(adminToken.get(), site);
        }
      }
    }
    if (customerToken.isPresent()) {
      address(customerToken.get(), shop.customer());
      if (shop.ticket() != null) {
        ticket(customerToken.get(), shop.ticket());
      }
    }
  }

  /**
   * A shop of its own: the site, created unless it exists (its settings are left as an
   * administrator may have changed them), then, once every service knows it, its catalogue and FAQ
   * as the default site's are made.
   */
  private void site(String admin, SiteShop site) throws InterruptedException {
    String code = site.settings().code();
    try (Response answer = websites.create(admin, site.settings())) {
      switch (answer.getStatus()) {
        case 201 -> ok("site " + code + " created: " + site.settings().name());
        case 409 -> ok("site " + code + " already there");
        default ->
            throw refused(
                "POST /websites/api/sites (" + code + ")", answer, "201 or 409 site-exists");
      }
    }
    awaitSite(code);
    DemoShop shop = new DemoShop(base, code, site.settings().currency());
    Shop content =
        new Shop(
            null, site.categories(), site.products(), null, site.faq(), null, null, null, null);
    shop.catalogue(admin, content);
    shop.faq(admin, content);
  }

  /**
   * Waits until the services the demo writes to know the site: each learns of it from the {@code
   * SiteChanged} event, and answers 404 {@code unknown-site} until then.
   */
  private void awaitSite(String code) throws InterruptedException {
    Instant deadline = Instant.now().plus(ADDRESS_BOOK_WAIT);
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (String service : List.of("products", "questions")) {
      while (true) {
        java.net.http.HttpResponse<String> answer;
        try {
          answer =
              http.send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(base + "/" + service + "/api/site-probe"))
                      .header("X-Site", code)
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
          throw new Refused("the platform at " + base + " does not answer (" + e + ")");
        }
        if (answer.statusCode() != 404 || !answer.body().contains("\"unknown-site\"")) {
          break;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new Refused(
              service + " does not know site " + code + " after " + ADDRESS_BOOK_WAIT);
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * The support agent: registered like anyone, then granted the {@code agent} role by the
   * administrator (the sav service hears of it through {@code UserRolesChanged}).
   */
  private void agent(String admin, Agent agent) {
    try {
      // Looked up first: registering is limited per address and account, and a second
      // `platform up` must not spend it.
      UserProfile user = account(admin, agent.email());
      if (user != null) {
        ok("agent " + agent.email() + " already registered");
      } else {
        try (Response answer =
            auth.register(
                new RegisterRequest(agent.email(), agent.password(), agent.displayName()))) {
          if (answer.getStatus() != 201) {
            throw refused("POST /auth/api/users", answer, "201");
          }
        }
        ok("agent " + agent.email() + " registered");
        user = account(admin, agent.email());
        if (user == null) {
          throw new Refused("GET /auth/api/users?email=" + agent.email() + " finds nobody");
        }
      }
      if (user.roles() != null && user.roles().contains("agent")) {
        ok("agent " + agent.email() + " already has the agent role");
        return;
      }
      auth.grantRole(admin, user.id(), "agent");
      ok("agent " + agent.email() + " granted the agent role");
    } catch (WebApplicationException e) {
      throw refused("the agent account " + agent.email(), e.getResponse(), "200");
    }
  }

  /** The account of {@code email}, as the administrator lists it, or null. */
  private UserProfile account(String admin, String email) {
    List<UserProfile> found = auth.listUsers(admin, email, null, 1, 0).items();
    return found.stream().filter(u -> email.equalsIgnoreCase(u.email())).findFirst().orElse(null);
  }

  /** The customer's support ticket, opened when they have none. */
  private void ticket(String customer, TicketRequest ticket) {
    try {
      long total = sav.tickets(customer, null, null, null, null, 1, 0).total();
      if (total > 0) {
        ok("customer already has " + total + " support ticket(s)");
        return;
      }
      TicketView opened = sav.open(customer, ticket);
      ok(
          "support ticket "
              + opened.number()
              + " opened ("
              + (opened.assigneeId() == null
                  ? "queued until an agent is available"
                  : "assigned to an agent")
              + ")");
    } catch (WebApplicationException e) {
      throw refused("the demo support ticket", e.getResponse(), "200 or 201");
    }
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  private void register(Customer customer) {
    try (Response answer =
        auth.register(
            new RegisterRequest(customer.email(), customer.password(), customer.displayName()))) {
      switch (answer.getStatus()) {
        case 201 -> ok("customer " + customer.email() + " registered");
        case 409 -> ok("customer " + customer.email() + " already registered");
        default -> throw refused("POST /auth/api/users", answer, "201 or 409");
      }
    }
  }

  /**
   * A bearer token for the account, or empty when it cannot log in (with a warning when {@code
   * expected}: an account that should exist by now).
   */
  private Optional<String> login(String email, String password, boolean expected) {
    try {
      return Optional.of("Bearer " + auth.login(new LoginRequest(email, password)).accessToken());
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (!expected && status == 401) {
        return Optional.empty();
      }
      if (status == 401 || status == 429) {
        warn(
            email
                + " cannot log in ("
                + problemCode(e.getResponse())
                + "): skipping the demo data it creates");
        return Optional.empty();
      }
      throw refused("POST /auth/api/sessions as " + email, e.getResponse(), "200");
    }
  }

  private void catalogue(String admin, Shop shop) {
    int created = 0;
    for (Category category : shop.categories()) {
      try (Response answer =
          products.createCategory(admin, new CategoryRequest(category.slug(), category.name()))) {
        if (answer.getStatus() == 201) {
          ok("category " + category.slug() + " created");
          created++;
        } else if (answer.getStatus() != 409) { // 409 is only ever slug-taken here
          throw refused(
              "POST /products/api/categories (" + category.slug() + ")",
              answer,
              "201, or 409 slug-taken");
        }
      }
    }
    Map<String, UUID> categoryIds =
        products.categories().stream()
            .collect(Collectors.toMap(CategoryView::slug, CategoryView::id, (a, b) -> a));
    for (Product product : shop.products()) {
      UUID category = categoryIds.get(product.category());
      if (category == null) {
        throw new Refused("GET /products/api/categories does not list " + product.category());
      }
      if (create(admin, product, category)) {
        created++;
      }
    }
    int total = shop.categories().size() + shop.products().size();
    ok(
        "catalog: "
            + shop.categories().size()
            + " categories and "
            + shop.products().size()
            + " products: "
            + created
            + " created, "
            + (total - created)
            + " already there");
  }

  /** Creates a product and counts its units; false when its SKU exists (its stock is left). */
  private boolean create(String admin, Product product, UUID category) {
    UUID id;
    try (Response answer =
        products.create(
            admin,
            new ProductRequest(
                product.sku(),
                product.name(),
                product.description(),
                category,
                product.price(),
                currency,
                product.attributes(),
                true))) {
      if (answer.getStatus() == 409) { // only ever sku-taken here: its stock is left as it is
        return false;
      }
      if (answer.getStatus() != 201 || answer.getLocation() == null) {
        throw refused(
            "POST /products/api/products (" + product.sku() + ")", answer, "201, or 409 sku-taken");
      }
      id = UUID.fromString(answer.getLocation().getPath().replaceAll(".*/", ""));
    }
    try {
      products.setStock(admin, id, new StockRequest(product.onHand()));
    } catch (WebApplicationException e) {
      throw refused(
          "PUT /products/api/products/"
              + id
              + "/stock ("
              + product.sku()
              + "; the product exists, set its stock by hand)",
          e.getResponse(),
          "200");
    }
    ok(
        "product "
            + product.sku()
            + " created: "
            + product.name()
            + ", "
            + product.price().toPlainString()
            + " "
            + currency
            + ", "
            + product.onHand()
            + " in stock");
    return true;
  }

  /**
   * Gives the customer their first address when the book is empty. The book opens when the
   * addresses service hears of the registration, so 404 and 409 are asked again for a while.
   */
  private void address(String customer, Customer who) throws InterruptedException {
    Instant deadline = Instant.now().plus(ADDRESS_BOOK_WAIT);
    while (true) {
      Response problem;
      try {
        long total = addresses.list(customer, 1, 0).total();
        if (total > 0) {
          ok("customer " + who.email() + " already has " + total + " address(es)");
          return;
        }
        try (Response answer = addresses.create(customer, who.address())) {
          if (answer.getStatus() == 201) {
            ok("customer " + who.email() + " got a default address in " + who.address().city());
            return;
          }
          problem = answer;
          body(answer);
        }
      } catch (WebApplicationException e) {
        problem = e.getResponse();
      }
      if (problem.getStatus() != 404 && problem.getStatus() != 409) {
        throw refused("the address book of " + who.email(), problem, "200 or 201");
      }
      if (Instant.now().isAfter(deadline)) {
        throw refused(
            "the address book of " + who.email() + " (still not open after 20 s)",
            problem,
            "200 or 201");
      }
      Thread.sleep(500);
    }
  }

  /**
   * The contact form's topics and where each goes (team mailbox, support queue), each only when the
   * site has no rule for it yet.
   */
  private void contactTopics(String admin, Shop shop) {
    if (shop.contactTopics() == null) {
      return;
    }
    int created = 0;
    for (RoutingRuleRequest rule : shop.contactTopics()) {
      try (Response answer = contacts.createRoutingRule(admin, rule)) {
        if (answer.getStatus() == 201) {
          created++;
        } else if (answer.getStatus() != 409) { // 409 is only ever topic-taken here
          throw refused(
              "POST /contacts/api/routing-rules (" + rule.topic() + ")",
              answer,
              "201, or 409 topic-taken");
        }
      }
    }
    ok(
        "contact form: "
            + shop.contactTopics().size()
            + " topics: "
            + created
            + " created, "
            + (shop.contactTopics().size() - created)
            + " already there");
  }

  /**
   * The default site's FAQ: each entry only when its language has none with the same question yet
   * (drafts included), so a second run adds nothing.
   */
  private void faq(String admin, Shop shop) {
    if (shop.faq() == null) {
      return;
    }
    int created = 0;
    for (Faq faq : shop.faq()) {
      boolean exists =
          questions
              .entries(admin, faq.language(), faq.category(), null, null, "all", 100, 0)
              .items()
              .stream()
              .map(EntryView::question)
              .anyMatch(faq.question()::equals);
      if (exists) {
        continue;
      }
      UUID product = faq.productSku() == null ? null : productId(shop, faq.productSku());
      try (Response answer =
          questions.create(
              admin,
              new EntryRequest(
                  faq.language(),
                  faq.category(),
                  faq.question(),
                  faq.answer(),
                  faq.tags(),
                  product,
                  faq.published(),
                  null))) {
        if (answer.getStatus() != 201) {
          throw refused("POST /questions/api/entries (" + faq.question() + ")", answer, "201");
        }
        created++;
      }
    }
    ok(
        "FAQ: "
            + shop.faq().size()
            + " entries: "
            + created
            + " created, "
            + (shop.faq().size() - created)
            + " already there");
  }

  /** The id of the catalogue's product {@code sku}, found in its category's list. */
  private UUID productId(Shop shop, String sku) {
    String category =
        shop.products().stream()
            .filter(p -> p.sku().equals(sku))
            .map(Product::category)
            .findFirst()
            .orElseThrow(() -> new Refused("the FAQ names " + sku + ", which is no demo product"));
    return products.search(null, category, null, null, null, 100, 0).items().stream()
        .filter(p -> sku.equals(p.sku()))
        .map(ProductView::id)
        .findFirst()
        .orElseThrow(
            () -> new Refused("GET /products/api/products?category=" + category + " lacks " + sku));
  }

  /**
   * A newsletter campaign of the default site, left as a draft (an administrator schedules it; a
   * scheduled demo campaign would mail its subscribers at every start), unless one of its name
   * exists already.
   */
  private void newsletter(String admin, CampaignRequest campaign) {
    if (campaign == null) {
      return;
    }
    boolean exists =
        newsletters.campaigns(admin, null, 100, 0).items().stream()
            .anyMatch(c -> campaign.name().equals(c.name()));
    if (exists) {
      ok("newsletter \"" + campaign.name() + "\" already there");
      return;
    }
    newsletters.createCampaign(admin, campaign);
    ok("newsletter \"" + campaign.name() + "\" created as a draft");
  }

  /** The typed client of a service's API root. */
  private static <T> T client(Class<T> api, String base, String service, String site) {
    List<Object> providers = new java.util.ArrayList<>(List.of(new JsonBodies()));
    if (site != null) {
      providers.add(
          (jakarta.ws.rs.client.ClientRequestFilter)
              request -> request.getHeaders().putSingle("X-Site", site));
    }
    return JAXRSClientFactory.create(base + "/" + service + "/api", api, providers);
  }

  /**
   * Keeps every answer's body in memory before the client sees it, so that an error answer's
   * problem document can be shown. (Decisions never depend on it: the server closes the connection
   * after an error answer, and right after a start its body has been seen to come back empty.)
   */
  static final class KeptBodies implements ClientResponseFilter {
    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response)
        throws IOException {
      if (response.hasEntity()) {
        response.setEntityStream(
            new java.io.ByteArrayInputStream(response.getEntityStream().readAllBytes()));
      }
    }
  }

  /**
   * Bodies as JSON-B reads and writes them, and any body as text (a problem document is read as
   * text, then as JSON). Logs nothing: the bodies carry passwords and tokens.
   */
  @Produces({MediaType.APPLICATION_JSON, "application/*+json"})
  @Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
  static final class JsonBodies implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    public boolean isReadable(
        Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
      return true;
    }

    @Override
    public Object readFrom(
        Class<Object> type,
        Type generic,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, String> headers,
        InputStream in)
        throws IOException {
      byte[] bytes = in.readAllBytes();
      if (String.class.equals(type)) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      return jsonb.fromJson(new String(bytes, StandardCharsets.UTF_8), generic);
    }

    @Override
    public boolean isWriteable(
        Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
      return true;
    }

    @Override
    public void writeTo(
        Object value,
        Class<?> type,
        Type generic,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, Object> headers,
        OutputStream out)
        throws IOException {
      out.write(jsonb.toJson(value, generic).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The {@code code} of a problem+json answer; empty for anything else. */
  private static String problemCode(Response answer) {
    try (JsonReader reader = Json.createReader(new java.io.StringReader(body(answer)))) {
      JsonObject problem = reader.readObject();
      return problem.getString("code", "");
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static Refused refused(String what, Response answer, String expected) {
    String body = body(answer);
    return new Refused(
        what
            + " answered "
            + answer.getStatus()
            + " (expected "
            + expected
            + ")"
            + (body == null || body.isBlank() ? "" : ":\n  | " + body));
  }

  /** The answer's body as text (read once, then kept for the next read); empty if none. */
  private static String body(Response answer) {
    try {
      answer.bufferEntity();
      String text = answer.readEntity(String.class);
      return text == null ? "" : text;
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static void ok(String message) {
    System.out.println("demo: " + message);
  }

  private static void warn(String message) {
    System.err.println("demo: warning: " + message);
  }

  /** The platform refused something the demo shop needs. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }
}
