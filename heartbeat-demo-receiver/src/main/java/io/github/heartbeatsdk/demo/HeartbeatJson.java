package io.github.heartbeatsdk.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Sermant's {@code HeartbeatMessage} JSON with jackson-core's streaming parser (no
 * databind): the agent's camelCase fields, unknown fields skipped, {@code pluginInfoMap} as the
 * agent's object (name to entry) or as the backend panel's array of entries.
 */
final class HeartbeatJson {
    private static final JsonFactory JSON = new JsonFactory();

    private HeartbeatJson() {
    }

    /**
     * Parses one heartbeat.
     *
     * @throws IllegalArgumentException when {@code json} is not a heartbeat object, or lacks
     *     {@code service} or {@code instanceId}; the message says what is wrong
     */
    static Heartbeat parse(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a heartbeat must be a JSON object");
            }
            Map<String, String> text = new LinkedHashMap<>();
            List<String> ip = List.of();
            List<Heartbeat.Plugin> plugins = List.of();
            long heartbeatTime = 0;
            long lastHeartbeatTime = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "heartbeatTime" -> heartbeatTime = number(p, field);
                    case "lastHeartbeatTime" -> lastHeartbeatTime = number(p, field);
                    case "ip" -> ip = strings(p, field);
                    case "pluginInfoMap" -> plugins = plugins(p);
                    case "service", "appName", "appType", "artifact", "instanceId", "hostName", "processId",
                         "version" -> text.put(field, scalar(p, field));
                    default -> p.skipChildren(); // dynamicInstall, externalAgentInfoMap, fields of later versions
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("unexpected content after the heartbeat object");
            }
            return new Heartbeat(required(text, "service"), text.get("appName"), text.get("appType"),
                    text.get("artifact"), required(text, "instanceId"), text.get("hostName"), ip,
                    text.get("processId"), text.get("version"), heartbeatTime, lastHeartbeatTime, plugins);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("heartbeat is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // parsing a byte array does no I/O
        }
    }

    private static String required(Map<String, String> text, String field) {
        String value = text.get(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("heartbeat has no " + field);
        }
        return value;
    }

    private static String scalar(JsonParser p, String field) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new IllegalArgumentException(field + " must be a string, got " + token);
        }
        return p.getText();
    }

    private static long number(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException(field + " must be an integer (epoch ms), got " + p.currentToken());
        }
        return p.getLongValue();
    }

    private static List<String> strings(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException(field + " must be an array of strings, got " + p.currentToken());
        }
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(scalar(p, field));
        }
        return values;
    }

    private static List<Heartbeat.Plugin> plugins(JsonParser p) throws IOException {
        JsonToken container = p.currentToken();
        if (container != JsonToken.START_OBJECT && container != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("pluginInfoMap must be an object or an array, got " + container);
        }
        JsonToken end = container == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        List<Heartbeat.Plugin> plugins = new ArrayList<>();
        for (JsonToken token = p.nextToken(); token != end; token = p.nextToken()) {
            String key = null;
            if (token == JsonToken.FIELD_NAME) {
                key = p.currentName();
                p.nextToken();
            }
            plugins.add(plugin(p, key));
        }
        return plugins;
    }

    private static Heartbeat.Plugin plugin(JsonParser p, String key) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("a pluginInfoMap entry must be an object, got " + p.currentToken());
        }
        String name = key;
        String version = null;
        Map<String, String> extInfo = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = scalar(p, "plugin name");
                case "version" -> version = scalar(p, "plugin version");
                case "extInfo" -> extInfo = extInfo(p);
                default -> p.skipChildren();
            }
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pluginInfoMap entry has no name");
        }
        return new Heartbeat.Plugin(name, version, extInfo);
    }

    private static Map<String, String> extInfo(JsonParser p) throws IOException {
        Map<String, String> extInfo = new LinkedHashMap<>();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return extInfo;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("extInfo must be an object, got " + p.currentToken());
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            extInfo.put(key, String.valueOf(scalar(p, "extInfo value")));
        }
        return extInfo;
    }
}
