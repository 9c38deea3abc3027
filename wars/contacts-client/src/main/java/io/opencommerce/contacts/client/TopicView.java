package io.opencommerce.contacts.client;

/** A topic a site's contact form offers: its code, sent back in the form, and its label. */
public record TopicView(String topic, String label) {}
