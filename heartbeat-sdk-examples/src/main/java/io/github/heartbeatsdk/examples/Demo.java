package io.github.heartbeatsdk.examples;

import io.github.heartbeatsdk.HeartbeatClient;
import io.github.heartbeatsdk.demo.DemoReceiver;
import io.github.heartbeatsdk.demo.InstanceView;
import io.github.heartbeatsdk.demo.ReceiverState;
import io.github.heartbeatsdk.endpoints.Endpoints;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The README's demo, offline: starts the local demo receiver, runs a service that beats over
 * Sermant's native TCP protocol and a job that reports its run Healthchecks-style, prints what
 * the receiver recorded, then stops the service and shows the receiver mark it lost. It exits by
 * itself after about ten seconds.
 *
 * <pre>
 * mvn -B -q -pl heartbeat-sdk-examples -am compile exec:java
 * mvn -B -q -pl heartbeat-sdk-examples -am compile exec:java -Dexec.args=--keep-running
 * </pre>
 *
 * With {@code --keep-running} the receiver listens on 127.0.0.1:8900 (HTTP and the panel) and
 * 6888 (Sermant TCP) and stays up after the demo, until Ctrl-C, so a person can look at the panel
 * and run the other examples against it. Without it, free ports are used.
 */
public final class Demo {
    /** An instance is lost after 3 s without a beat here, to see it happen (Sermant's default: 60 s). */
    static final Duration EFFECTIVE_TIME = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String KEEP_RUNNING = "--keep-running";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        boolean keepRunning = List.of(args).contains(KEEP_RUNNING);
        if (args.length > (keepRunning ? 1 : 0)) {
            System.err.println("usage: Demo [" + KEEP_RUNNING + "]");
            return;
        }
        long begin = System.nanoTime();
        DemoReceiver.Options options = DemoReceiver.options().effectiveTime(EFFECTIVE_TIME);
        if (!keepRunning) {
            options.httpPort(0).sermantPort(0); // free ports: never clashes with anything already running
        }
        DemoReceiver receiver = DemoReceiver.start(options);
        try {
            run(receiver);
        } catch (Exception | Error e) {
            receiver.close();
            throw e;
        }
        if (!keepRunning) {
            receiver.close();
            System.out.printf(Locale.ROOT, "%nDone in %.1f s. To look at the panel yourself, run it with -Dexec.args=%s%n",
                    (System.nanoTime() - begin) / 1e9, KEEP_RUNNING);
            return;
        }
        System.out.println();
        System.out.println("The receiver keeps running (Ctrl-C to stop). Panel: " + receiver.httpUrl("/"));
        System.out.println("Run the examples in another terminal to see them arrive, for example:");
        System.out.println("  mvn -B -q -pl heartbeat-sdk-examples -am compile exec:java"
                + " -Dexec.mainClass=io.github.heartbeatsdk.examples.ServiceHeartbeatExample");
        new CountDownLatch(1).await();
    }

    private static void run(DemoReceiver receiver) throws Exception {
        System.out.println("heartbeat-sdk demo: a local receiver (a demo, not a production backend), a service and a job");
        System.out.println("Receiver: panel " + receiver.httpUrl("/") + ", Sermant TCP " + receiver.sermantUri());
        System.out.println();
        ReceiverState received = receiver.state();

        // 1. A service beating every second over Sermant's TCP protocol, with ext info as Sermant's template plugin.
        try (HeartbeatClient service = HeartbeatClient.builder()
                .endpoint(Endpoints.sermant("127.0.0.1", receiver.sermantPort()))
                .service("order-service").appName("shop")
                .interval(Duration.ofSeconds(1))
                .build()) {
            service.setExtInfo(() -> Collections.singletonMap("status", "started"));
            service.extInfo().register("template", "0.0.1", () -> Collections.singletonMap("greeting", "Good morning!"));
            service.start();
            System.out.print("1. order-service beats every second over Sermant TCP ... ");
            boolean beating = received.await(s -> beats(s) >= 3, PATIENCE);
            System.out.println(beating ? "3 beats received" : "only " + beats(received) + " beats in " + PATIENCE
                    + ": " + service.stats());

            // 2. A job run, Healthchecks style: start, the work, success; the receiver pairs them by run id.
            System.out.print("2. nightly-backup runs, Healthchecks style: start, work, success ... ");
            try (HeartbeatClient jobs = HeartbeatClient.builder()
                    .endpoint(Endpoints.healthchecks(receiver.httpUrl("/hc/nightly-backup")))
                    .build()) {
                jobs.run("nightly-backup", Demo::work);
                jobs.close(); // delivers both signals now (closing twice is fine)
                System.out.println(jobs.stats().delivered() + " signals delivered");
            }
            System.out.println();
            System.out.println("What the receiver recorded:");
            System.out.print(receiver.summary());
            System.out.println();

            // 3. The service stops: no more beats, and after the effective time the receiver marks it lost.
            service.close();
        }
        long stopped = System.nanoTime();
        System.out.print("3. order-service stopped; the receiver marks it lost after " + EFFECTIVE_TIME.toSeconds()
                + " s without a beat ... ");
        boolean lost = received.await(Demo::serviceLost, PATIENCE);
        System.out.println(lost ? String.format(Locale.ROOT, "lost after %.1f s", (System.nanoTime() - stopped) / 1e9)
                : "still not lost after " + PATIENCE);
        System.out.println();
        System.out.print(receiver.summary());
    }

    private static int beats(ReceiverState state) {
        return state.instances("order-service").stream().mapToInt(InstanceView::beats).sum();
    }

    private static boolean serviceLost(ReceiverState state) {
        List<InstanceView> instances = state.instances("order-service");
        return !instances.isEmpty() && instances.stream().allMatch(i -> i.status() == InstanceView.Status.LOST);
    }

    private static void work() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
