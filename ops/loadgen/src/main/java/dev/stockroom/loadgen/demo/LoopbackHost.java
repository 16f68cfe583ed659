package dev.stockroom.loadgen.demo;

import java.util.regex.Pattern;

/**
 * The demo writes products, stock and orders into whatever it points at, so it only ever points at
 * this machine: {@code localhost} or a literal in 127.0.0.0/8. Names other than localhost are
 * refused without resolving them, because a resolver could map them anywhere.
 */
final class LoopbackHost {
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\." + OCTET + "\\." + OCTET + "\\." + OCTET);

  private LoopbackHost() {}

  static boolean isLoopback(String host) {
    return host != null
        && (host.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(host).matches());
  }
}
