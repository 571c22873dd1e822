package io.fibonacci.presentation.http.client;

import io.fibonacci.application.port.in.identity.ClientIdentity;
import io.fibonacci.shared.Nullable;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds whom a request is charged to. The client is the peer address, unless the peer is a trusted
 * proxy: then {@code X-Forwarded-For} is walked from right to left, skipping trusted proxies, and
 * the first address not trusted is the client. IPv6 clients are keyed by their /64 prefix, since
 * one subscriber usually holds a whole /64.
 */
@Singleton
public final class ClientKeyResolver {

  public static final String FORWARDED_FOR = "X-Forwarded-For";

  /** The request attribute holding the {@link ClientIdentity} a valid credential proved. */
  public static final String IDENTITY = "fibonacci.identity";

  private final List<IpSubnetFilterRule> trustedProxies;

  ClientKeyResolver(@Value("${rate-limit.trusted-proxies:}") List<String> trustedProxies) {
    this.trustedProxies =
        trustedProxies.stream()
            .filter(entry -> !entry.isBlank())
            .map(ClientKeyResolver::subnet)
            .toList();
  }

  /**
   * The client key of the request: the identity its credential proved (noted by the credential
   * filter), else its address.
   */
  public String resolve(HttpRequest<?> request) {
    Optional<ClientIdentity> identity = request.getAttribute(IDENTITY, ClientIdentity.class);
    if (identity.isPresent()) {
      return identity.get().clientKey();
    }
    InetAddress client = request.getRemoteAddress().getAddress();
    if (client == null) {
      return "unknown";
    }
    if (isTrusted(client)) {
      client = walkForwardedFor(request.getHeaders().getAll(FORWARDED_FOR), client);
    }
    return keyOf(client);
  }

  private InetAddress walkForwardedFor(List<String> headerValues, InetAddress peer) {
    List<String> hops = new ArrayList<>();
    for (String value : headerValues) {
      for (String hop : splitOnCommas(value)) {
        hops.add(hop.trim());
      }
    }
    InetAddress current = peer;
    for (int i = hops.size() - 1; i >= 0 && isTrusted(current); i--) {
      InetAddress hop = literalAddress(hops.get(i));
      if (hop == null) {
        // A trusted proxy wrote something that is not an address: stop at the last one we know.
        return current;
      }
      current = hop;
    }
    return current;
  }

  private boolean isTrusted(InetAddress address) {
    if (trustedProxies.isEmpty()) {
      return false;
    }
    InetSocketAddress socket = new InetSocketAddress(address, 0);
    for (IpSubnetFilterRule rule : trustedProxies) {
      if (rule.matches(socket)) {
        return true;
      }
    }
    return false;
  }

  /** Parses an IP literal, never a host name (no DNS look-up), with an optional port. */
  static @Nullable InetAddress literalAddress(String hop) {
    String host = hop;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      host = end > 0 ? host.substring(1, end) : host;
    } else if (host.indexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      host = host.substring(0, host.indexOf(':'));
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (java.net.UnknownHostException impossible) {
      return null;
    }
  }

  static String keyOf(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] bytes = address.getAddress();
      StringBuilder prefix = new StringBuilder(24);
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        prefix.append(':');
      }
      return prefix.append(":/64").toString();
    }
    return ((Inet4Address) address).getHostAddress();
  }

  private static IpSubnetFilterRule subnet(String cidr) {
    String trimmed = cidr.trim();
    int slash = trimmed.indexOf('/');
    String ip = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);
    if (bytes == null) {
      throw new ConfigurationException(
          "rate-limit.trusted-proxies: '" + cidr + "' is not an IP address or CIDR range");
    }
    int maxPrefix = bytes.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? maxPrefix : Integer.parseInt(trimmed.substring(slash + 1));
    } catch (NumberFormatException e) {
      prefix = -1;
    }
    if (prefix < 0 || prefix > maxPrefix) {
      throw new ConfigurationException(
          "rate-limit.trusted-proxies: '" + cidr + "' has a prefix outside 0.." + maxPrefix);
    }
    return new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT);
  }

  /** The comma-separated fields of a header value; trailing empty fields are dropped. */
  @SuppressWarnings("StringSplitter") // dropping trailing empty fields is what is wanted here
  private static String[] splitOnCommas(String value) {
    return value.split(",");
  }
}
