package io.github.heartbeatsdk.internal;

/** Words for a throwable that came from where the SDK did not expect one; safe to log. */
final class Failures {
    private static final int MAX_MESSAGE_CHARS = 200;

    private Failures() {
    }

    /**
     * A missing or incompatible class is named, with the likely cause, because the fix is on the
     * class path; anything else is named by its class only, because the message of an exception
     * we did not expect may quote a URL.
     */
    static String describe(Throwable t) {
        if (t instanceof LinkageError) {
            return "a class is missing or incompatible at run time: " + t.getClass().getName() + ": "
                    + message(t) + " (check the class path or module path: a dependency of heartbeat-sdk "
                    + "may be absent, or pinned to an older version by another library or framework)";
        }
        return "unexpected " + t.getClass().getName();
    }

    /** Class and message of the user's own throwable, for a log line; a failing getMessage() costs the message only. */
    static String ofUserCode(Throwable t) {
        return t.getClass().getName() + ": " + message(t);
    }

    private static String message(Throwable t) {
        String message;
        try {
            message = t.getMessage();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable ignored) {
            message = null;
        }
        if (message == null) {
            return "(no message)";
        }
        String cut = message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
        StringBuilder line = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            line.append(Character.isISOControl(c) ? ' ' : c); // one log line stays one line
        }
        return line.toString();
    }
}
