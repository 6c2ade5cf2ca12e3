package dev.avance.workflows.billing;

import java.time.Instant;
import java.util.List;

/** Activity input: these bills' debits are with the bank; the bills are TO_PAY. */
public record DebitsInstructed(List<InstructedDebit> debits, Instant at) {}
