package io.opencommerce.contacts.client;

/**
 * Where an inquiry was sent when it arrived: the team {@code mailbox} (or none) and whether it is
 * in the support agents' queue. {@code rule} is the topic of the routing rule that decided it (the
 * inquiry's own, or the site's fallback rule), null when the site had no rule for it and the
 * platform's fallback took it (the support queue, and {@code contacts.routing.fallback-mailbox}
 * when set).
 */
public record InquiryRoute(String rule, String mailbox, boolean supportQueue) {}
