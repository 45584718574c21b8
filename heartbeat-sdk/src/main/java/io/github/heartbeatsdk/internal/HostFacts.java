package io.github.heartbeatsdk.internal;

import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** Facts about this host and process that a beat reports, read once per client. */
public final class HostFacts {
    /** What a host with no other IPv4 address reports, so that backends still list it. */
    public static final String LOOPBACK = "127.0.0.1";

    private HostFacts() {
    }

    private static volatile String hostName;
    private static volatile String processId;

    /**
     * The host name, or "localhost" when it cannot be read; read once per JVM and shared by all
     * clients. May block on DNS the first time: call it off the caller's thread.
     */
    public static String hostName() {
        String name = hostName;
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                name = "localhost";
            }
            hostName = name;
        }
        return name;
    }

    /** Every IPv4 address of every interface that is up, except loopback, sorted. */
    public static List<String> nonLoopbackIpv4() {
        List<String> addresses = new ArrayList<String>();
        try {
            Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
            while (interfaces != null && interfaces.hasMoreElements()) {
                NetworkInterface nic = interfaces.nextElement();
                if (!nic.isUp()) {
                    continue;
                }
                for (Enumeration<InetAddress> it = nic.getInetAddresses(); it.hasMoreElements(); ) {
                    InetAddress address = it.nextElement();
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        addresses.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // No readable interface: the caller falls back to loopback.
        }
        Collections.sort(addresses);
        return addresses;
    }

    /** {@code addresses}, or just loopback when it is empty: a beat without an IP is never listed by sermant-backend. */
    public static List<String> orLoopback(List<String> addresses) {
        return addresses.isEmpty() ? Collections.singletonList(LOOPBACK) : Collections.unmodifiableList(addresses);
    }

    /** This JVM's process id as a string, or "-1" when unknown; read once. Works on Java 8 (no ProcessHandle). */
    public static String processId() {
        String id = processId;
        if (id == null) {
            String name = ManagementFactory.getRuntimeMXBean().getName();
            int at = name.indexOf('@');
            id = at > 0 ? name.substring(0, at) : "-1";
            processId = id;
        }
        return id;
    }
}
