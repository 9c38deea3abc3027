package io.opencommerce.othersvc.client;

/** Rule fixture: another service's client, which any service may use. */
public interface OtherApi {}
