package com.coditect.workflows.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which resolved addresses an outbound {@code http.post} action may reach: public unicast only. A
 * definition's author must not reach the platform's own network through the engine (loopback,
 * private ranges, link-local with the cloud's metadata endpoint, multicast, unique-local IPv6,
 * carrier-grade NAT, "this network").
 */
public final class AddressGuard {

  private final boolean allowLoopback;

  /** @param allowLoopback true only in tests and the local runtime, to reach a server on this machine */
  public AddressGuard(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  public boolean allowLoopback() {
    return allowLoopback;
  }

  /** Why {@code address} is refused, or null when it may be reached. */
  public String refusal(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return allowLoopback ? null : "loopback";
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      if (first == 0) {
        return "this network";
      }
      if (first == 100 && second >= 64 && second <= 127) {
        return "carrier-grade NAT";
      }
      if (first == 255) {
        return "broadcast";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "benchmarking";
      }
    }
    if (address instanceof Inet6Address) {
      if ((bytes[0] & 0xfe) == 0xfc) {
        return "unique-local";
      }
      if (isIpv4Mapped(bytes)) {
        try {
          byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
          return refusal(InetAddress.getByAddress(v4));
        } catch (java.net.UnknownHostException impossible) {
          return "invalid";
        }
      }
    }
    return null;
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
  }
}
