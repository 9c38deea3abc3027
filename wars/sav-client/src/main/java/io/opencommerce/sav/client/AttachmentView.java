package io.opencommerce.sav.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to a ticket: the name it was given, the content type its signature says, its
 * size, and whether it may be downloaded ({@code AVAILABLE}), is still being scanned ({@code
 * SCANNING}) or was refused by the scanner ({@code REJECTED}).
 */
public record AttachmentView(
    UUID id,
    String name,
    String contentType,
    long size,
    String status,
    UUID uploadedBy,
    Instant uploadedAt) {}
