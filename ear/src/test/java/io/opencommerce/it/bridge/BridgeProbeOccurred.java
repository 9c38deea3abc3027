package io.opencommerce.it.bridge;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;

/**
 * The event the bridge suite's probe service publishes and consumes. {@code mode} tells the probe's
 * handler how to behave: {@code ok}, {@code fail} (always throws) or {@code fail-while-broken}.
 */
@EventType(name = "BridgeProbeOccurred", version = 1)
public record BridgeProbeOccurred(String probeId, String mode) implements IntegrationEvent {}
