package dev.stockroom.user.resources;

import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.auth.Roles;
import dev.stockroom.platform.web.Cursor;
import dev.stockroom.platform.web.Page;
import dev.stockroom.platform.web.PageLinks;
import dev.stockroom.platform.web.PageRequest;
import dev.stockroom.user.api.CreateUserRequest;
import dev.stockroom.user.api.SetRolesRequest;
import dev.stockroom.user.api.UpdateProfileRequest;
import dev.stockroom.user.api.UserResponse;
import dev.stockroom.user.core.User;
import dev.stockroom.user.core.UserCursor;
import dev.stockroom.user.core.UserPage;
import dev.stockroom.user.core.UserService;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;

/** Accounts: registration (public), one's own profile, and admin views and role changes. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {
  static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  private final UserService users;

  public UsersResource(UserService users) {
    this.users = users;
  }

  @POST
  @PermitAll
  public Response register(@NotNull CreateUserRequest request, @Context UriInfo uri) {
    User user = users.register(request.email(), request.password(), request.displayName());
    return Response.created(uri.getAbsolutePathBuilder().path(user.id().toString()).build())
        .tag(ETags.of(user))
        .entity(UserResponse.from(user))
        .build();
  }

  @GET
  @Path("/me")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  public Response me(@Auth AuthenticatedUser caller) {
    return withTag(users.me(caller));
  }

  @PATCH
  @Path("/me")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
  public Response updateMe(
      @Auth AuthenticatedUser caller,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull UpdateProfileRequest request) {
    return withTag(users.updateProfile(caller, request.toChange(), ETags.expectedVersion(ifMatch)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  public Response get(@Auth AuthenticatedUser caller, @PathParam("id") UUID id) {
    return withTag(users.get(caller, id));
  }

  @GET
  @RolesAllowed(Roles.ADMIN)
  public Response list(
      @QueryParam("emailPrefix") String emailPrefix,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    PageRequest request = PageRequest.of(limit, cursor);
    UserPage page =
        users.list(
            Optional.ofNullable(emailPrefix),
            request.cursor().map(c -> new UserCursor(c.string(0), c.uuid(1))),
            request.limit());
    Page<UserResponse> body =
        new Page<>(
            page.users().stream().map(UserResponse::from).toList(),
            page.next().map(c -> Cursor.of(c.emailNormalized(), c.id()).encode()).orElse(null));
    return PageLinks.ok(body, uri);
  }

  @PUT
  @Path("/{id}/roles")
  @RolesAllowed(Roles.ADMIN)
  public Response setRoles(
      @Auth AuthenticatedUser caller, @PathParam("id") UUID id, @NotNull SetRolesRequest request) {
    return withTag(users.setRoles(caller, id, request.roles()));
  }

  private static Response withTag(User user) {
    return Response.ok(UserResponse.from(user)).tag(ETags.of(user)).build();
  }
}
