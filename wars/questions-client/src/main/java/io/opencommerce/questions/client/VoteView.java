package io.opencommerce.questions.client;

import java.util.UUID;

/** A visitor's vote on an entry ({@code helpful}) and the entry's counts with it. */
public record VoteView(UUID entryId, boolean helpful, long helpfulCount, long notHelpfulCount) {}
