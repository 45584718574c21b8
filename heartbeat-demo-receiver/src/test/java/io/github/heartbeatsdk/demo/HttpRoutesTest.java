package io.github.heartbeatsdk.demo;

import io.github.heartbeatsdk.SignalKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP routes as curl would use them: what is a signal, what is refused, what is only read. */
class HttpRoutesTest {
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
    void listensOnLoopbackOnly() throws Exception {
        assertEquals(InetAddress.getByName("127.0.0.1"), receiver.httpAddress().getAddress());
        assertTrue(receiver.sermantUri().startsWith("sermant://127.0.0.1:"));
    }

    @Test
    void anyPathIsAPingOfTheCheckItNames() throws Exception {
        assertEquals(200, Http.get(receiver.httpUrl("/ping/backup")).statusCode());
        assertEquals(200, Http.send("HEAD", receiver.httpUrl("/ping/backup"), null).statusCode());
        assertEquals(200, Http.send("POST", receiver.httpUrl("/heartbeat/1000rquike"), "done").statusCode());
        assertEquals(List.of("http PING backup", "http PING backup", "http PING heartbeat/1000rquike (done)"),
                texts(receiver.state()));
    }

    @Test
    void healthchecksRoutesCarryTheSignalAndTheRunId() throws Exception {
        assertEquals(200, Http.get(receiver.httpUrl("/hc/nightly/start?rid=r1")).statusCode());
        assertEquals(200, Http.send("POST", receiver.httpUrl("/hc/nightly/log?rid=r1"), "half way").statusCode());
        HttpResponse<String> exit = Http.get(receiver.httpUrl("/hc/nightly/3?rid=r1"));
        assertEquals(200, exit.statusCode());
        assertEquals("10000", exit.headers().firstValue("Ping-Body-Limit").orElse(null));
        assertEquals(200, Http.send("POST", receiver.httpUrl("/hc/nightly/fail"), "oops").statusCode());
        assertEquals(200, Http.get(receiver.httpUrl("/hc/nightly")).statusCode());

        List<ReceivedSignal> signals = receiver.state().signals();
        assertEquals(List.of(SignalKind.START, SignalKind.LOG, SignalKind.EXIT, SignalKind.FAIL, SignalKind.SUCCESS),
                signals.stream().map(ReceivedSignal::kind).toList());
        assertEquals("r1", signals.get(2).runId());
        assertEquals("exit 3", signals.get(2).detail());
        assertNull(signals.get(3).runId());
        CheckView check = receiver.state().check("nightly");
        assertEquals(CheckView.Status.UP, check.status()); // the success after the failures
        assertEquals("half way", check.lastLog());
        assertEquals(5, check.signals());
    }

    @Test
    void refusesWhatItCannotUnderstand() throws Exception {
        assertEquals(404, Http.get(receiver.httpUrl("/hc/nightly/restart")).statusCode());
        assertEquals(404, Http.get(receiver.httpUrl("/hc/nightly/256")).statusCode());
        assertEquals(404, Http.get(receiver.httpUrl("/favicon.ico")).statusCode());
        assertEquals(404, Http.get(receiver.httpUrl("/api/nothing")).statusCode());
        assertEquals(405, Http.send("POST", receiver.httpUrl("/api/checks"), "{}").statusCode());
        assertEquals(405, Http.get(receiver.httpUrl("/sermant/heartbeat")).statusCode());
        assertEquals(400, Http.get(receiver.httpUrl("/ping/" + "x".repeat(HttpRoutes.MAX_NAME + 1))).statusCode());
        assertEquals(413, Http.send("POST", receiver.httpUrl("/ping/big"), "x".repeat(HttpRoutes.MAX_BODY + 1)).statusCode());

        HttpResponse<String> badJson = Http.send("POST", receiver.httpUrl("/sermant/heartbeat"), "{\"service\":");
        assertEquals(400, badJson.statusCode());
        assertTrue(badJson.body().startsWith("heartbeat is not valid JSON"), badJson.body());
        HttpResponse<String> noId = Http.send("POST", receiver.httpUrl("/sermant/heartbeat"), "{\"service\":\"s\"}");
        assertEquals(400, noId.statusCode());
        assertEquals("heartbeat has no instanceId\n", noId.body());

        assertEquals(List.of(), receiver.state().signals());
        assertEquals(3, receiver.state().rejections().size(), receiver.state().rejections().toString());
        assertTrue(Http.get(receiver.httpUrl("/")).body().contains("heartbeat has no instanceId"));
    }

    @Test
    void acceptsSermantJsonInTheAgentsFormAndInThePanelsForm() throws Exception {
        String agent = """
                {"appName":"demoApp","appType":"java","artifact":"default","dynamicInstall":false,
                 "externalAgentInfoMap":{},"heartbeatTime":1732300000000,"hostName":"vm",
                 "instanceId":"17862fff","ip":["10.0.0.42"],"lastHeartbeatTime":1732299970000,
                 "pluginInfoMap":{"template":{"name":"template","version":"0.0.1","extInfo":{"status":"started"}}},
                 "processId":"10318","service":"demoSvc","version":"1.0.0","laterField":{"x":[1,2]}}""";
        assertEquals(200, Http.send("POST", receiver.httpUrl("/sermant/heartbeat"), agent).statusCode());
        String panelForm = """
                {"service":"other","instanceId":"i-2","pluginInfoMap":[{"name":"p","version":"1","extInfo":{"n":3}}]}""";
        assertEquals(200, Http.send("POST", receiver.httpUrl("/sermant/heartbeat"), panelForm).statusCode());

        Heartbeat demo = receiver.state().instances("demoSvc").get(0).last();
        assertEquals(new Heartbeat("demoSvc", "demoApp", "java", "default", "17862fff", "vm", List.of("10.0.0.42"),
                "10318", "1.0.0", 1732300000000L, 1732299970000L,
                List.of(new Heartbeat.Plugin("template", "0.0.1", java.util.Map.of("status", "started")))), demo);
        assertEquals("3", receiver.state().instances("other").get(0).last().plugin("p").extInfo().get("n"));
    }

    private static List<String> texts(ReceiverState state) {
        return state.signals().stream().map(ReceivedSignal::toString).toList();
    }
}
