package dev.avance.api.openapi;

/** The OpenAPI tags grouping the operations; described in {@link OpenApiConfig}. */
public final class Tags {
  public static final String BORROWERS = "Borrowers";
  public static final String LOANS = "Loans";
  public static final String SANDBOX = "Sandbox";
  public static final String WEBHOOKS = "Webhooks";
  public static final String BILLING = "Billing";
  public static final String OPERATORS = "Operators";

  private Tags() {}
}
