package dev.stockroom.user.api;

import java.util.List;

/**
 * Body of {@code PUT /api/v1/users/{id}/roles}: the complete new role list.
 *
 * @param roles role names: {@code customer}, {@code admin}
 */
public record SetRolesRequest(List<String> roles) {}
