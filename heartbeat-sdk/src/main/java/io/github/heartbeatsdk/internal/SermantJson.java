package io.github.heartbeatsdk.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.heartbeatsdk.InstanceInfo;
import io.github.heartbeatsdk.PluginInfo;
import io.github.heartbeatsdk.Signal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a beat as Sermant's {@code HeartbeatMessage} JSON: the agent's camelCase field names and
 * types, top-level keys sorted like the agent writes them, nulls omitted.
 */
public final class SermantJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SermantJson() {
    }

    /** Returns the UTF-8 JSON of {@code beat}, which must carry instance metadata. */
    public static byte[] heartbeatMessage(Signal beat) {
        InstanceInfo instance = beat.instance();
        if (instance == null) {
            throw new IllegalArgumentException("a Sermant heartbeat needs instance metadata");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("appName", instance.appName());
            json.writeStringField("appType", instance.appType());
            json.writeStringField("artifact", instance.artifact());
            json.writeBooleanField("dynamicInstall", instance.dynamicInstall());
            json.writeObjectFieldStart("externalAgentInfoMap");
            json.writeEndObject();
            json.writeNumberField("heartbeatTime", beat.timestampMillis());
            json.writeStringField("hostName", instance.hostName());
            json.writeStringField("instanceId", instance.instanceId());
            json.writeArrayFieldStart("ip");
            for (String ip : instance.ip()) {
                json.writeString(ip);
            }
            json.writeEndArray();
            json.writeNumberField("lastHeartbeatTime", beat.lastBeatMillis());
            writePlugins(json, beat.plugins());
            json.writeStringField("processId", instance.processId());
            json.writeStringField("service", instance.service());
            json.writeStringField("version", instance.version());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    private static void writePlugins(JsonGenerator json, Map<String, PluginInfo> plugins) throws IOException {
        json.writeObjectFieldStart("pluginInfoMap");
        for (PluginInfo plugin : plugins.values()) {
            json.writeObjectFieldStart(plugin.name());
            json.writeStringField("name", plugin.name());
            json.writeStringField("version", plugin.version());
            json.writeObjectFieldStart("extInfo");
            for (Map.Entry<String, String> entry : plugin.extInfo().entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
