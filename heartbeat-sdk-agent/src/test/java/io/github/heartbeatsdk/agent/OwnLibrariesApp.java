package io.github.heartbeatsdk.agent;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An application with its own OkHttp and Kotlin on the class path (versions the agent does not
 * use): prints which versions it sees, makes one call to its first argument, then sleeps.
 * Versions are read reflectively: a constant would be inlined from the OkHttp this compiles against.
 */
public final class OwnLibrariesApp {
    private OwnLibrariesApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("okhttp " + Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
        System.out.println("kotlin " + Class.forName("kotlin.KotlinVersion").getField("CURRENT").get(null));
        OkHttpClient client = new OkHttpClient();
        try (Response response = client.newCall(new Request.Builder().url(args[0]).build()).execute()) {
            System.out.println("status " + response.code());
        }
        System.out.println("app started");
        System.out.flush();
        Thread.sleep(Long.parseLong(args[1]));
        System.out.println("app done");
    }
}
