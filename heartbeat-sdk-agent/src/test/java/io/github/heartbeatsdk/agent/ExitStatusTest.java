package io.github.heartbeatsdk.agent;

import io.github.heartbeatsdk.DeliveryResult;
import io.github.heartbeatsdk.DeliveryResult.Outcome;
import io.github.heartbeatsdk.internal.ApiAccess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExitStatusTest {
    private static DeliveryResult result(Outcome outcome) {
        return ApiAccess.get().deliveryResult(outcome, outcome == Outcome.REJECTED ? 404 : 0, 1,
                outcome == Outcome.DELIVERED ? null : "HTTP 404 from http://127.0.0.1/***", null);
    }

    @Test
    void deliveredAndSkippedAreDoneEverythingElseIsNot() {
        assertEquals(0, ExitStatus.of(result(Outcome.DELIVERED)));
        assertEquals(0, ExitStatus.of(result(Outcome.SKIPPED)));
        assertEquals(1, ExitStatus.of(result(Outcome.REJECTED)));
        assertEquals(1, ExitStatus.of(result(Outcome.FAILED)));
        assertEquals(1, ExitStatus.of(result(Outcome.DROPPED)));
        assertEquals(1, ExitStatus.of(null)); // no result within the wait
    }

    @Test
    void aCommandThatCannotStartGetsTheShellsStatus() {
        assertEquals(127, ExitStatus.ofStartFailure(new IOException("Cannot run program \"nope\": error=2, No such file or directory")));
        assertEquals(126, ExitStatus.ofStartFailure(new IOException("Cannot run program \"/etc/passwd\": error=13, Permission denied")));
    }

    @Test
    void waitsAreBounded() {
        assertNull(ExitStatus.await(new CompletableFuture<DeliveryResult>(), 50));
        DeliveryResult done = result(Outcome.DELIVERED);
        assertSame(done, ExitStatus.await(CompletableFuture.completedFuture(done), 50));
    }

    @Test
    void describesAFailureByOutcomeStatusAndTheSdksRedactedError() {
        String line = ExitStatus.describe(result(Outcome.REJECTED));
        assertTrue(line.startsWith("REJECTED, HTTP 404: HTTP 404 from"), line);
        assertEquals("no result within the retry deadline", ExitStatus.describe(null));
    }
}
