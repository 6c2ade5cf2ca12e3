package dev.avance.api.borrower;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/** POST /borrower/{id}/sign: the borrower accepted the T&Cs at {@code signed_at}. */
public record SignRequest(@NotNull OffsetDateTime signedAt, Boolean waitForReady) {}
