package org.solidarityhub.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void storesIpv4AsMappedIpv6HexAndReadsItBack() {
        String hex = IpAddresses.toHex("203.0.113.7").orElseThrow();
        assertThat(hex).isEqualTo("00000000000000000000ffffcb007107");
        assertThat(IpAddresses.fromHex(hex)).isEqualTo("203.0.113.7");
        assertThat(IpAddresses.fromHex(IpAddresses.toHex("2001:db8::1").orElseThrow())).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void aCidrBlockIsAnInclusiveHexRange() {
        IpAddresses.Range range = IpAddresses.range("203.0.113.0/24").orElseThrow();
        assertThat(IpAddresses.toHex("203.0.113.0").orElseThrow()).isEqualTo(range.low());
        assertThat(IpAddresses.toHex("203.0.113.255").orElseThrow()).isEqualTo(range.high());
        String inside = IpAddresses.toHex("203.0.113.77").orElseThrow();
        String outside = IpAddresses.toHex("203.0.114.1").orElseThrow();
        assertThat(inside.compareTo(range.low()) >= 0 && inside.compareTo(range.high()) <= 0).isTrue();
        assertThat(outside.compareTo(range.high()) > 0).isTrue();
        IpAddresses.Range v6 = IpAddresses.range("2001:db8::/32").orElseThrow();
        assertThat(v6.low()).startsWith("20010db8").endsWith("0000");
        assertThat(v6.high()).startsWith("20010db8ffff");
        assertThat(IpAddresses.range("198.51.100.9").orElseThrow().low()).isEqualTo(IpAddresses.range("198.51.100.9").orElseThrow().high());
    }

    @Test
    void rejectsWhatIsNotAnAddressWithoutAnyDnsLookup() {
        assertThat(IpAddresses.range("example.org")).isEmpty();
        assertThat(IpAddresses.range("203.0.113.0/33")).isEmpty();
        assertThat(IpAddresses.range("203.0.113.0/-1")).isEmpty();
        assertThat(IpAddresses.range("203.0.113.0/x")).isEmpty();
        assertThat(IpAddresses.range("")).isEmpty();
        assertThat(IpAddresses.toHex("<script>")).isEmpty();
    }
}
