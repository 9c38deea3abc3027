package io.opencommerce.newsletters.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The newsletters REST API as a typed MicroProfile REST Client (config key {@code newsletters}).
 * The service writes its transactional mails from other services' events; this API is for
 * administrators (the mail queue, templates, campaigns) and for subscribers.
 */
@RegisterRestClient(configKey = "newsletters")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface NewslettersApi {}
