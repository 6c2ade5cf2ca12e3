package dev.avance.workflows.rules;

import java.time.LocalDate;
import java.util.Objects;

/** The next thing that will happen to a loan, and the Europe/Paris day it happens (or null). */
public record NextAction(NextActionType type, LocalDate date) {
  public static final NextAction NONE = new NextAction(NextActionType.NONE, null);

  public NextAction {
    Objects.requireNonNull(type, "type");
  }
}
