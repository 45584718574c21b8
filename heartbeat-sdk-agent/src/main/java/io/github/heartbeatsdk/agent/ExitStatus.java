package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.DeliveryResult;

import java.io.IOException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the wrapper's outcomes become exit statuses, in one place so that scripts can rely on them:
 * {@value Main#OK} delivered, {@value Main#FAILED} not delivered, {@value Main#USAGE} a bad
 * command line; for {@code run}, the command's own status, and the shells' {@value #NOT_FOUND}
 * and {@value #NOT_EXECUTABLE} for a command that could not be started.
 */
final class ExitStatus {
    /** A command that does not exist, as {@code sh} reports it. */
    static final int NOT_FOUND = 127;
    /** A command that exists but cannot be executed, as {@code sh} reports it. */
    static final int NOT_EXECUTABLE = 126;

    private ExitStatus() {
    }

    /**
     * {@value Main#OK} for DELIVERED, and for SKIPPED (the backend has no such signal: nothing was
     * wrong); {@value Main#FAILED} for REJECTED, FAILED, DROPPED and for no result at all.
     */
    static int of(DeliveryResult result) {
        if (result == null) {
            return Main.FAILED;
        }
        switch (result.outcome()) {
            case DELIVERED:
            case SKIPPED:
                return Main.OK;
            default:
                return Main.FAILED;
        }
    }

    /** The status of a command {@link ProcessBuilder#start()} refused with {@code e}. */
    static int ofStartFailure(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("error=13,") || message.contains("Permission denied") ? NOT_EXECUTABLE : NOT_FOUND;
    }

    /**
     * Waits for {@code delivery} at most {@code timeoutMillis}; null when it did not end in time
     * (or the wait was interrupted, whose flag is restored).
     */
    static DeliveryResult await(CompletionStage<DeliveryResult> delivery, long timeoutMillis) {
        try {
            return delivery.toCompletableFuture().get(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** One line about a result that is not delivered: outcome, HTTP status and the SDK's (redacted) error. */
    static String describe(DeliveryResult result) {
        if (result == null) {
            return "no result within the retry deadline";
        }
        StringBuilder line = new StringBuilder(result.outcome().name());
        if (result.statusCode() > 0) {
            line.append(", HTTP ").append(result.statusCode());
        }
        if (result.error() != null) {
            line.append(": ").append(result.error());
        }
        return line.toString();
    }
}
