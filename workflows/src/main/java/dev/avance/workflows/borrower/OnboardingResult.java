package dev.avance.workflows.borrower;

/** Output of {@link BorrowerWorkflow}: how the borrower's workflow ended. */
public record OnboardingResult(String borrowerId, BorrowerStatus status, String statusReason) {}
