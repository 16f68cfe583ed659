package dev.stockroom.events;

/** Names of the Kafka record headers every Stockroom event carries. */
public final class EventHeaders {
  /** The envelope's eventId, so consumers can deduplicate without parsing the value. */
  public static final String EVENT_ID = "eventId";

  /** The envelope's type, so consumers can route without parsing the value. */
  public static final String EVENT_TYPE = "eventType";

  /** W3C trace context of the request that caused the event. */
  public static final String TRACEPARENT = "traceparent";

  private EventHeaders() {}
}
