package dev.avance.activities.registry;

/** What the sandbox registry answers for a number: eligible, or one reason to refuse it. */
public enum EligibilityScenario {
  ELIGIBLE,
  INSOLVENT,
  STRUCK_OFF,
  NOT_COMMERCIAL_COMPANY,
  COMPANY_TOO_YOUNG,
  COMPANY_NOT_FOUND
}
