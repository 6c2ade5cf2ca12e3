package dev.avance.activities.document;

import dev.avance.workflows.document.DeliveryStatus;
import dev.avance.workflows.document.DocumentKind;
import java.time.Instant;

/** A stored document without its bytes. */
public record DocumentRow(
    String id,
    String platformId,
    String borrowerId,
    String loanId,
    DocumentKind kind,
    String contentType,
    String fileName,
    String sha256,
    long size,
    Instant createdAt,
    DeliveryStatus deliveryStatus,
    Instant deliveredAt) {}
