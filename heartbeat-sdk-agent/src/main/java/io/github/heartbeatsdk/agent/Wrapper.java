package io.github.heartbeatsdk.agent;

/** The wrapper's commands: ping, run, start, success, fail, log. */
final class Wrapper {
    private Wrapper() {
    }

    static int run(String command, String[] args) {
        System.err.println(HeartbeatAgent.PREFIX + " ERROR unknown command '" + command + "'");
        System.err.println(Main.USAGE_TEXT);
        return Main.USAGE;
    }
}
