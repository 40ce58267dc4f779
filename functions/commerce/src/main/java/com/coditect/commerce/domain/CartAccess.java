package com.coditect.commerce.domain;

import com.coditect.commerce.data.CartItem;
import com.coditect.shared.digest.Sha256;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who is asking for a cart: a guest with the cart's secret (a cart of no tenant), or a signed-in
 * owner (a cart of their tenant). Each reaches only its own key space, so a guest's secret never
 * opens a claimed cart and a token never opens a guest's cart or another tenant's.
 */
public final class CartAccess {

  private final String secret;
  private final Caller owner;

  private CartAccess(String secret, Caller owner) {
    this.secret = secret;
    this.owner = owner;
  }

  public static CartAccess guest(String secret) {
    return new CartAccess(secret, null);
  }

  public static CartAccess owner(Caller caller) {
    return new CartAccess(null, caller);
  }

  /** The owner, when the caller is signed in; empty for a guest. */
  public Optional<Caller> owner() {
    return Optional.ofNullable(owner);
  }

  /** Whose carts this caller reaches: the owner's tenant's, or (empty) the guests'. */
  Optional<TenantId> tenant() {
    return owner().map(Caller::tenantId);
  }

  /** The cart read in {@link #tenant}'s carts, if this caller may see it: a guest's needs the secret whose hash it keeps. */
  CartItem check(Optional<CartItem> read) {
    Optional<CartItem> visible = owner != null ? read : read.filter(cart -> cart.secretHash() != null
        && MessageDigest.isEqual(cart.secretHash().getBytes(StandardCharsets.US_ASCII),
            hash(secret).getBytes(StandardCharsets.US_ASCII)));
    return visible.orElseThrow(() -> new NotFoundException("The cart was not found."));
  }

  /** Lower-case hex SHA-256 of a cart secret: what is stored instead of the secret. */
  static String hash(String secret) {
    return Sha256.hex(secret);
  }
}
