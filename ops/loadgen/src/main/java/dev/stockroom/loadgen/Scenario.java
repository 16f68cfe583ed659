package dev.stockroom.loadgen;

import java.util.Locale;

/** What one scheduled operation does. */
public enum Scenario {
  /** Catalog reads: a random product by id, and one time in ten a page of the list. */
  BROWSE,
  /** One order from placement to a terminal status: place, long-poll, then pay or cancel. */
  ORDER,
  /** Eight browse operations for every two orders, drawn at random. */
  MIXED;

  /** The name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the scenario places orders, which needs customers and the oversell check. */
  public boolean placesOrders() {
    return this != BROWSE;
  }

  public static Scenario parse(String value) {
    for (Scenario s : values()) {
      if (s.label().equals(value)) {
        return s;
      }
    }
    throw new UsageException("--scenario must be browse, order or mixed, not '" + value + "'");
  }
}
