package dev.stockroom.order.core;

import java.util.UUID;

/**
 * The response first given for an idempotency key, replayed for every repeat of the same request.
 *
 * @param status the HTTP status code
 * @param body the response body exactly as first sent (JSON)
 * @param resourceId the order the request created or acted on
 * @param replayed true when this is a repeat rather than the first answer
 */
public record StoredResponse(int status, String body, UUID resourceId, boolean replayed) {}
