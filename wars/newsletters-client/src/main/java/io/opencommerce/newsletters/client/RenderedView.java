package io.opencommerce.newsletters.client;

/** A template rendered with its kind's sample data: what a mail of it would look like. */
public record RenderedView(String subject, String text, String html) {}
