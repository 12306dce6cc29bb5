package org.solidarityhub.appeal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * IP addresses as 32 hex digits of their IPv6 form (IPv4 mapped to ::ffff:a.b.c.d), so that an address range
 * is a plain string range in SQL, on H2 and PostgreSQL alike.
 */
final class IpAddresses {

    /** An inclusive range of hex addresses. */
    record Range(String low, String high) {
    }

    private IpAddresses() {
    }

    static Optional<String> toHex(String ip) {
        return bytes(ip).map(HexFormat.of()::formatHex);
    }

    static String fromHex(String hex) {
        try {
            byte[] bytes = HexFormat.of().parseHex(hex);
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            if (mapped) {
                return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return "?";
        }
    }

    /** The range of a CIDR block ("203.0.113.0/24", "2001:db8::/32") or of one address. */
    static Optional<Range> range(String cidr) {
        if (cidr == null || cidr.isBlank() || cidr.length() > 60) {
            return Optional.empty();
        }
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<byte[]> parsed = bytes(address);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        boolean v4 = address.indexOf(':') < 0;
        int prefix;
        try {
            prefix = slash < 0 ? (v4 ? 32 : 128) : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        int bits = v4 ? prefix + 96 : prefix;
        if (prefix < 0 || (v4 && prefix > 32) || bits > 128) {
            return Optional.empty();
        }
        byte[] low = parsed.get().clone();
        byte[] high = parsed.get().clone();
        for (int bit = bits; bit < 128; bit++) {
            low[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            high[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return Optional.of(new Range(HexFormat.of().formatHex(low), HexFormat.of().formatHex(high)));
    }

    private static Optional<byte[]> bytes(String ip) {
        if (ip == null || ip.isBlank() || !ip.strip().matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty(); // never a host name: no DNS lookups
        }
        try {
            byte[] raw = InetAddress.getByName(ip.strip()).getAddress();
            if (raw.length == 16) {
                return Optional.of(raw);
            }
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(raw, 0, mapped, 12, 4);
            return Optional.of(mapped);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
