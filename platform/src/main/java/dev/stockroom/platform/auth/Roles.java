package dev.stockroom.platform.auth;

/** The role names carried in the token's roles claim and used in {@code @RolesAllowed}. */
public final class Roles {
  public static final String CUSTOMER = "customer";
  public static final String ADMIN = "admin";

  private Roles() {}
}
