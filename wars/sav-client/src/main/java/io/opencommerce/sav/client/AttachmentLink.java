package io.opencommerce.sav.client;

import java.time.Instant;
import java.util.UUID;

/** Where to download an attachment: a presigned URL, good until {@code expiresAt}. */
public record AttachmentLink(
    UUID id, String name, String contentType, long size, String url, Instant expiresAt) {}
