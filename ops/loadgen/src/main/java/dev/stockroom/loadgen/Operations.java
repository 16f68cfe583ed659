package dev.stockroom.loadgen;

import java.util.List;

/** The names of the measured operations, as they appear in every report. */
public final class Operations {
  public static final String PRODUCT_GET = "product.get";
  public static final String PRODUCT_LIST = "product.list";
  public static final String ORDER_POST = "order.post";
  public static final String ORDER_GET = "order.get";
  public static final String ORDER_PAY = "order.pay";
  public static final String ORDER_CANCEL = "order.cancel";

  /** From the intended start of the POST to the moment a terminal status was observed. */
  public static final String ORDER_TERMINAL = "order.terminal";

  /** Report order: reads first, then the order flow in the order it happens. */
  public static final List<String> ALL =
      List.of(
          PRODUCT_GET,
          PRODUCT_LIST,
          ORDER_POST,
          ORDER_GET,
          ORDER_PAY,
          ORDER_CANCEL,
          ORDER_TERMINAL);

  private Operations() {}
}
