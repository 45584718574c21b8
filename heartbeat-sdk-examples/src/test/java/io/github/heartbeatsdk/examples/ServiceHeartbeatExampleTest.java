package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.SignalKind;
import io.github.heartbeatsdk.demo.DemoReceiver;
import io.github.heartbeatsdk.demo.Heartbeat;
import io.github.heartbeatsdk.demo.InstanceView;
import io.github.heartbeatsdk.demo.ReceivedSignal;
import io.github.heartbeatsdk.demo.ReceiverState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service beats with both plugins, over Sermant TCP and over Sermant JSON on HTTP. */
class ServiceHeartbeatExampleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private DemoReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = DemoReceiver.start(DemoReceiver.options().httpPort(0).sermantPort(0));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void beatsOverSermantTcpCarryBothPluginsAndExtInfoThatChanges() throws Exception {
        ServiceHeartbeatExample.main(new String[] {receiver.sermantUri(), "3"});

        // Over TCP a beat counts as delivered once written; the receiver reads it a moment later.
        ReceiverState state = receiver.state();
        assertTrue(state.await(s -> s.signalCount() >= 3, WAIT), state.signals().toString());
        List<ReceivedSignal> beats = state.signals();
        assertTrue(beats.stream().allMatch(s -> s.kind() == SignalKind.BEAT && s.channel().equals("tcp")
                && s.target().startsWith("order-service/")), beats.toString());
        assertTrue(beats.stream().map(ReceivedSignal::detail).distinct().count() >= 2,
                "order-stats should change between beats: " + beats);
        assertEquals(List.of(), state.rejections());

        InstanceView instance = state.instances("order-service").get(0);
        assertEquals(1, state.instances("order-service").size());
        assertTrue(instance.beats() >= 3, instance.toString());
        Heartbeat last = instance.last();
        assertEquals("shop", last.appName());
        assertEquals(List.of("application", "order-stats"), last.plugins().stream().map(Heartbeat.Plugin::name).toList());
        assertEquals(Map.of("status", "started"), last.plugin("application").extInfo());
        assertEquals("1.0.0", last.plugin("order-stats").version());
        assertTrue(Integer.parseInt(last.plugin("order-stats").extInfo().get("processed")) > 0, last.toString());
    }

    @Test
    void theSameBeatsGoAsSermantJsonOverHttp() throws Exception {
        ServiceHeartbeatExample.main(new String[] {"sermant-http+" + receiver.httpUrl("/sermant/heartbeat"), "2"});

        // Over HTTP a beat is delivered once the receiver has answered, so it is recorded already.
        List<ReceivedSignal> beats = receiver.state().signals();
        assertTrue(beats.size() >= 2, beats.toString());
        assertTrue(beats.stream().allMatch(s -> s.kind() == SignalKind.BEAT && s.channel().equals("http")), beats.toString());
        assertEquals(Map.of("status", "started"),
                receiver.state().instances("order-service").get(0).last().plugin("application").extInfo());
    }
}
