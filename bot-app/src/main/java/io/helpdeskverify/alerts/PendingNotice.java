package io.helpdeskverify.alerts;

import java.util.Objects;

/** One notice of a claimed alert that is not known to be sent yet. */
public record PendingNotice(Alert alert, NoticeKind kind) {

    public PendingNotice {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(kind, "kind");
    }
}
