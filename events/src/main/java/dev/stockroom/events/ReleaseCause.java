package dev.stockroom.events;

/** Why a reservation was given back. */
public enum ReleaseCause {
  /** The order was cancelled, before or after it was confirmed. */
  CANCELLED,
  /** The order was confirmed but not paid within the reservation time-to-live. */
  EXPIRED
}
