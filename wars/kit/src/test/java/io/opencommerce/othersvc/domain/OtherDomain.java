package io.opencommerce.othersvc.domain;

/** Rule fixture: another service's domain, which no service may import. */
public class OtherDomain {}
