package io.github.heartbeatsdk.agent;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Properties;

/**
 * {@code attach <pid> [options]}: loads this jar as an agent into a running JVM through the JDK's
 * attach API, as Sermant's {@code dynamicInstall} does, then reads back what the agent reported.
 * The API is reached by reflection: it lives in the {@code jdk.attach} module on Java 9 and
 * later, and in the JDK's {@code lib/tools.jar} on Java 8.
 */
final class Attach {
    private Attach() {
    }

    /** Attaches and prints the agent's state; returns the process exit status. */
    static int attach(String pid, String options) {
        if (!pid.matches("[0-9]{1,10}")) {
            System.err.println(HeartbeatAgent.PREFIX + " ERROR attach needs a process id (digits), got '" + pid + "'");
            return Main.USAGE;
        }
        String jar;
        try {
            jar = new File(HeartbeatAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (Exception e) {
            System.err.println(HeartbeatAgent.PREFIX + " ERROR cannot find this agent's jar: " + e);
            return Main.FAILED;
        }
        Class<?> vmClass;
        try {
            vmClass = virtualMachineClass();
        } catch (ClassNotFoundException e) {
            System.err.println(HeartbeatAgent.PREFIX + " ERROR attach needs a JDK's java (the jdk.attach module, or"
                    + " lib/tools.jar on Java 8); this one is " + System.getProperty("java.home"));
            return Main.FAILED;
        }
        Object vm;
        try {
            vm = vmClass.getMethod("attach", String.class).invoke(null, pid);
        } catch (Exception e) {
            System.err.println(HeartbeatAgent.PREFIX + " ERROR cannot attach to process " + pid + ": " + cause(e)
                    + " (it must be a JVM of this user that allows attach)");
            return Main.FAILED;
        }
        try {
            vmClass.getMethod("loadAgent", String.class, String.class).invoke(vm, jar, options == null ? "" : options);
            Properties properties = (Properties) vmClass.getMethod("getSystemProperties").invoke(vm);
            String state = properties.getProperty(HeartbeatAgent.STATE_PROPERTY, "unknown: the agent left no state");
            System.out.println(HeartbeatAgent.PREFIX + " process " + pid + ": " + state);
            return state.startsWith("running") || state.equals("disabled") ? Main.OK : Main.FAILED;
        } catch (Exception e) {
            System.err.println(HeartbeatAgent.PREFIX + " ERROR cannot load the agent into process " + pid + ": " + cause(e));
            return Main.FAILED;
        } finally {
            try {
                vmClass.getMethod("detach").invoke(vm);
            } catch (Exception ignored) {
                // The process may have exited meanwhile; there is nothing left to detach from.
            }
        }
    }

    private static Class<?> virtualMachineClass() throws ClassNotFoundException {
        String name = "com.sun.tools.attach.VirtualMachine";
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            File tools = new File(System.getProperty("java.home"), ".." + File.separator + "lib" + File.separator + "tools.jar");
            if (!tools.isFile()) {
                throw e;
            }
            try {
                URLClassLoader loader = new URLClassLoader(new URL[] {tools.toURI().toURL()}, Attach.class.getClassLoader());
                return Class.forName(name, true, loader);
            } catch (java.net.MalformedURLException malformed) {
                throw e;
            }
        }
    }

    private static String cause(Exception e) {
        Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() != null ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : cause.getClass().getName();
    }
}
