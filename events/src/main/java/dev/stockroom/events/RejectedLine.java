package dev.stockroom.events;

import java.util.UUID;

/**
 * One line of a rejected order, with why it failed; {@code reason} is null for a line that could
 * have been reserved (its stock was released with the rest of the order).
 */
public record RejectedLine(UUID productId, int quantity, RejectionReason reason) {}
