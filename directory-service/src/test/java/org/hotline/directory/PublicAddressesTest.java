package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.hotline.directory.hsds.PublicAddresses;
import org.hotline.directory.hsds.UsTimeZones;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where an import may fetch from, and the zone of a place without one. */
class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "224.0.0.1", "::1", "fd00:ec2::254", "fe80::1", "::ffff:10.0.0.1", "64:ff9b::a00:1",
            "2002:a00:1::", "::", "2001:db8::1", "192.0.2.1"})
    void refusesInnerAddresses(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.refusal(InetAddress.getByName(literal), false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "151.101.1.69", "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void acceptsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.refusal(InetAddress.getByName(literal), false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void loopbackOnlyWhenTheLocalRunAllowsIt(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.refusal(InetAddress.getByName(literal), true)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"CA,95060,America/Los_Angeles", "California,,America/Los_Angeles", "TX,78701,America/Chicago",
            "TX,79901,America/Denver", "FL,32501,America/Chicago", "FL,33101,America/New_York",
            "TN,37902,America/New_York", "TN,37201,America/Chicago", "IN,46201,America/Indiana/Indianapolis",
            "IN,46320,America/Chicago", "ID,83814,America/Los_Angeles", "AZ,85001,America/Phoenix",
            "kentucky,42001,America/Chicago", "HI,96813,Pacific/Honolulu"})
    void aPlaceTakesItsStatesZoneOrItsPartsByZipCode(String state, String zip, String zone) {
        assertThat(UsTimeZones.table().zoneOf(state, zip)).contains(zone);
    }
}
