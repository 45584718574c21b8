package io.github.heartbeatsdk;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link ShutdownHookOrderTest}: runs {@link PingAndExitMain} in a class
 * loader of its own and closes that loader when main returns, as {@code mvn exec:java} does, so
 * the SDK's exit hook runs with a closed class loader.
 */
public final class ClosedLoaderMain {
    private ClosedLoaderMain() {
    }

    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Method main = loader.loadClass(PingAndExitMain.class.getName()).getMethod("main", String[].class);
        main.invoke(null, (Object) new String[] {args[0], "return"});
        loader.close();
        System.out.println("main returned; its class loader is closed");
    }
}
