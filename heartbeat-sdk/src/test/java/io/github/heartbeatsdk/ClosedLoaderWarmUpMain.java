package io.github.heartbeatsdk;

import java.io.File;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by {@code WarmUpReviewTest}: an application redeployed at once, as a
 * container does. {@link BuildOnlyMain} builds and closes a client in a class loader of its own
 * while this thread holds the lock the warm-up takes first; the loader is closed before the lock
 * is let go, so the warm-up meets a closed class loader. Prints whether the warm-up ended and
 * whether the loader could then be collected.
 */
public final class ClosedLoaderWarmUpMain {
    private ClosedLoaderWarmUpMain() {
    }

    public static void main(String[] args) throws Exception {
        ReferenceQueue<ClassLoader> queue = new ReferenceQueue<>();
        WeakReference<ClassLoader> ref = runAndClose(args[0], queue);
        System.out.println("RESULT warm-up ended=" + awaitWarmUp());
        Reference<?> collected = null;
        for (int i = 0; i < 20 && collected == null; i++) {
            System.gc();
            collected = queue.remove(500);
        }
        System.out.println("RESULT loader collected=" + (collected == ref));
    }

    private static WeakReference<ClassLoader> runAndClose(String url, ReferenceQueue<ClassLoader> queue) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Class<?> shared = loader.loadClass("io.github.heartbeatsdk.internal.transport.SharedOkHttp");
        Method main = loader.loadClass(BuildOnlyMain.class.getName()).getMethod("main", String[].class);
        synchronized (shared) { // SharedOkHttp.base(), the warm-up's first step, waits for this
            main.invoke(null, (Object) new String[] {url});
            loader.close();
            System.out.println("RESULT built, closed and undeployed");
        }
        return new WeakReference<>(loader, queue);
    }

    private static boolean awaitWarmUp() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Thread alive = null;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("heartbeat-sdk-warm-up") && thread.isAlive()) {
                    alive = thread;
                }
            }
            long left = end - System.nanoTime();
            if (alive == null) {
                return true;
            }
            if (left <= 0) {
                return false;
            }
            alive.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }
}
