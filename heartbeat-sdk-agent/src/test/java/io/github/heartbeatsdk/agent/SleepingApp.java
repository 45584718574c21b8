package io.github.heartbeatsdk.agent;

/**
 * The application of the agent's tests: knows nothing of heartbeats and uses only the JDK.
 * Prints "app started", sleeps for its argument in ms (default: until killed), prints "app done".
 */
public final class SleepingApp {
    private SleepingApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("app started");
        System.out.flush();
        Thread.sleep(args.length > 0 ? Long.parseLong(args[0]) : Long.MAX_VALUE);
        System.out.println("app done");
    }
}
