package io.github.heartbeatsdk;

import io.github.heartbeatsdk.endpoints.Endpoints;

import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by {@link ExitAndCrashTest}, with a Healthchecks check URL and a mode:
 * <ul>
 * <li>{@code exit}: starts a job, ends it with success() and calls System.exit(0) at once;</li>
 * <li>{@code return}: the same, then returns from main;</li>
 * <li>{@code hang}: starts a job, prints "started" once the start signal is delivered, then
 *     sleeps until killed;</li>
 * <li>{@code ping}: pings, waits (bounded) for the result, prints it and exits 0 if delivered.</li>
 * </ul>
 * None of them closes the client: what gets delivered at exit is the shutdown hook's doing.
 */
public final class JobExitMain {
    public static void main(String[] args) throws Exception {
        HeartbeatClient hb = HeartbeatClient.builder().endpoint(Endpoints.healthchecks(args[0])).build();
        switch (args[1]) {
            case "exit":
                hb.startJob("nightly").success();
                System.exit(0);
                break;
            case "return":
                hb.startJob("nightly").success();
                return;
            case "hang":
                JobRun run = hb.startJob("nightly");
                DeliveryResult started = run.started().toCompletableFuture().get(30, TimeUnit.SECONDS);
                System.out.println("started " + started.outcome());
                System.out.flush();
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
                System.exit(3); // never reached when the test kills us
                break;
            case "ping":
                DeliveryResult result = hb.ping().toCompletableFuture().get(30, TimeUnit.SECONDS);
                System.out.println("ping " + result);
                System.exit(result.isDelivered() ? 0 : 1);
                break;
            default:
                throw new IllegalArgumentException("mode must be exit, return, hang or ping, got " + args[1]);
        }
    }
}
