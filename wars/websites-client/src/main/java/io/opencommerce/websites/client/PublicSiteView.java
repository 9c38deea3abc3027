package io.opencommerce.websites.client;

import java.util.List;

/**
 * The request's site as a shop front shows it ({@code GET /sites/current}): what it is called, the
 * languages it offers, what it sells in and to whom, its time zone and its look. Nothing about the
 * platform's other sites or its domains.
 */
public record PublicSiteView(
    String code,
    String name,
    List<String> languages,
    String defaultLanguage,
    String currency,
    List<String> countries,
    String timeZone,
    Theme theme) {}
