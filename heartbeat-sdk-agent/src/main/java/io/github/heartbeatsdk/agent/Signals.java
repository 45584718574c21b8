package io.github.heartbeatsdk.agent;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Catches SIGTERM and SIGINT so that the wrapper can pass them to its command and still report
 * how the command ended, instead of dying first. {@code sun.misc.Signal} is reached by reflection:
 * it is in every HotSpot JDK (in {@code jdk.unsupported} from Java 9) but not in the Java 8 API the
 * wrapper compiles against, and a JVM without it must still run the command.
 */
final class Signals {
    /** What to do with a caught signal; runs on the JVM's signal thread, so it must be quick. */
    interface Handler {
        void handle(String signal);
    }

    /** The signals a supervisor forwards: what {@code kill}, systemd and Ctrl-C send. */
    static final String[] FORWARDED = {"TERM", "INT"};

    private Signals() {
    }

    /**
     * Installs {@code handler} for every signal of {@link #FORWARDED}, replacing the JVM's own
     * (which would exit). Returns false if any of them could not be installed.
     */
    static boolean install(final Handler handler) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            final Method getName = signalClass.getMethod("getName");
            Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerClass},
                    new InvocationHandler() {
                        @Override
                        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
                            if (method.getName().equals("handle") && args != null && args.length == 1) {
                                handler.handle(String.valueOf(getName.invoke(args[0])));
                                return null;
                            }
                            if (method.getName().equals("equals")) {
                                return self == args[0];
                            }
                            if (method.getName().equals("hashCode")) {
                                return System.identityHashCode(self);
                            }
                            return "Signals.Handler";
                        }
                    });
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            for (String name : FORWARDED) {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                handle.invoke(null, signal, proxy);
            }
            return true;
        } catch (Throwable e) {
            // No sun.misc.Signal, or the JVM refuses (-Xrs): the caller falls back to a shutdown hook.
            return false;
        }
    }
}
