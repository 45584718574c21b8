package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.demo.DemoReceiver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Where an example sends its heartbeats: its first command-line argument, or else the local demo
 * receiver (HTTP on 127.0.0.1:8900, Sermant TCP on 127.0.0.1:6888). When no receiver runs there,
 * one is started in this JVM for the example's run, and closing the target prints what it
 * received and stops it. Start one yourself to watch examples arrive in its panel:
 * {@code mvn -B -q -pl heartbeat-sdk-examples -am compile exec:java -Dexec.args=--keep-running}.
 */
final class ExampleTarget implements AutoCloseable {
    private final String value;
    private final DemoReceiver startedHere;

    private ExampleTarget(String value, DemoReceiver startedHere) {
        this.value = value;
        this.startedHere = startedHere;
    }

    /** The environment variable an example's endpoint may come from, so a secret URL stays out of shell history. */
    static final String ENDPOINT_VARIABLE = "HEARTBEAT_URL";

    /**
     * The endpoint: {@code args[0]} when given (and not {@code "-"}); else the environment
     * variable {@value #ENDPOINT_VARIABLE}; else {@code localDefault}, an address of the local
     * demo receiver, which is started here unless one is already listening.
     */
    static ExampleTarget endpoint(String[] args, String localDefault) throws IOException {
        String fromEnvironment = System.getenv(ENDPOINT_VARIABLE);
        if ((args.length == 0 || args[0].equals("-")) && fromEnvironment != null && !fromEnvironment.trim().isEmpty()) {
            return new ExampleTarget(fromEnvironment.trim(), null);
        }
        return of(args, localDefault);
    }

    /**
     * {@code args[0]} when given (and not {@code "-"}); else {@code localDefault}, an address of the
     * local demo receiver, which is started here unless one is already listening.
     */
    static ExampleTarget of(String[] args, String localDefault) throws IOException {
        if (args.length > 0 && !args[0].equals("-")) {
            return new ExampleTarget(args[0], null);
        }
        if (listening(DemoReceiver.DEFAULT_HTTP_PORT)) {
            System.out.println("Sending to the demo receiver already running: http://127.0.0.1:"
                    + DemoReceiver.DEFAULT_HTTP_PORT + "/");
            return new ExampleTarget(localDefault, null);
        }
        DemoReceiver receiver = DemoReceiver.start(DemoReceiver.options());
        System.out.println("Started a demo receiver for this run: " + receiver.httpUrl("/"));
        return new ExampleTarget(localDefault, receiver);
    }

    /** The endpoint (or file) the example uses. */
    String value() {
        return value;
    }

    /** Prints what the receiver started here received, then stops it; nothing when none was started. */
    @Override
    public void close() {
        if (startedHere != null) {
            System.out.println();
            System.out.println("The demo receiver received:");
            System.out.print(startedHere.summary());
            startedHere.close();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
