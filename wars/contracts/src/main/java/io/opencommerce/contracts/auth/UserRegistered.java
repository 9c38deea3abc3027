package io.opencommerce.contracts.auth;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.util.UUID;

/** A customer account was created. Consumers: addresses (address book), newsletters (welcome). */
@EventType(name = "UserRegistered", version = 1)
public record UserRegistered(UUID userId, String email, String displayName)
    implements IntegrationEvent {}
