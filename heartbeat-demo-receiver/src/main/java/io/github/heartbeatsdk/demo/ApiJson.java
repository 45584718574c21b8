package io.github.heartbeatsdk.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The receiver's JSON API, written with jackson-core's streaming generator: arrays of objects,
 * times in epoch ms and ages in ms at the moment of the request, states in lower case.
 */
final class ApiJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ApiJson() {
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** {@code /api/instances}: Sermant's fields, {@code state} alive or lost, {@code plugins} as an array. */
    static byte[] instances(List<InstanceView> instances, long nowMillis) {
        return write(json -> {
            json.writeStartArray();
            for (InstanceView instance : instances) {
                Heartbeat beat = instance.last();
                json.writeStartObject();
                json.writeStringField("service", beat.service());
                json.writeStringField("instanceId", beat.instanceId());
                json.writeStringField("state", instance.status().label());
                json.writeBooleanField("health", instance.status() == InstanceView.Status.ALIVE);
                json.writeNumberField("lastBeatAgeMillis", nowMillis - instance.receivedMillis());
                json.writeNumberField("receivedTime", instance.receivedMillis());
                json.writeNumberField("beats", instance.beats());
                json.writeStringField("channel", instance.channel());
                json.writeStringField("appName", beat.appName());
                json.writeStringField("appType", beat.appType());
                json.writeStringField("artifact", beat.artifact());
                json.writeStringField("hostName", beat.hostName());
                json.writeArrayFieldStart("ip");
                for (String ip : beat.ip()) {
                    json.writeString(ip);
                }
                json.writeEndArray();
                json.writeStringField("processId", beat.processId());
                json.writeStringField("version", beat.version());
                json.writeNumberField("heartbeatTime", beat.heartbeatTime());
                json.writeNumberField("lastHeartbeatTime", beat.lastHeartbeatTime());
                json.writeArrayFieldStart("plugins");
                for (Heartbeat.Plugin plugin : beat.plugins()) {
                    json.writeStartObject();
                    json.writeStringField("name", plugin.name());
                    json.writeStringField("version", plugin.version());
                    json.writeObjectFieldStart("extInfo");
                    for (Map.Entry<String, String> entry : plugin.extInfo().entrySet()) {
                        json.writeStringField(entry.getKey(), entry.getValue());
                    }
                    json.writeEndObject();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** {@code /api/checks}: {@code state} up, late or down, the last ping and the last run. */
    static byte[] checks(List<CheckView> checks, long nowMillis) {
        return write(json -> {
            json.writeStartArray();
            for (CheckView check : checks) {
                json.writeStartObject();
                json.writeStringField("name", check.name());
                json.writeStringField("state", check.status().label());
                json.writeNumberField("lastPingTime", check.lastPingMillis());
                if (check.lastPingMillis() >= 0) {
                    json.writeNumberField("lastPingAgeMillis", nowMillis - check.lastPingMillis());
                }
                json.writeBooleanField("running", check.running());
                json.writeNumberField("signals", check.signals());
                if (check.lastRun() != null) {
                    json.writeObjectFieldStart("lastRun");
                    json.writeStringField("runId", check.lastRun().runId());
                    json.writeStringField("outcome", check.lastRun().outcome());
                    json.writeNumberField("durationMillis", check.lastRun().durationMillis());
                    json.writeStringField("message", check.lastRun().message());
                    json.writeEndObject();
                }
                json.writeStringField("lastLog", check.lastLog());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** {@code /api/signals}: the recent signals, oldest first. */
    static byte[] signals(List<ReceivedSignal> signals) {
        return write(json -> {
            json.writeStartArray();
            for (ReceivedSignal signal : signals) {
                json.writeStartObject();
                json.writeNumberField("time", signal.atMillis());
                json.writeStringField("channel", signal.channel());
                json.writeStringField("kind", signal.kind().name());
                json.writeStringField("target", signal.target());
                json.writeStringField("runId", signal.runId());
                json.writeStringField("detail", signal.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
