package dev.avance.workflows.borrower;

import java.time.LocalDate;

/**
 * What a company registry says of a registration number. {@code found} is false when the registry
 * does not know the number; the other fields are then null or false.
 */
public record CompanyProfile(
    boolean found,
    String name,
    String legalForm,
    boolean commercialCompany,
    LocalDate createdOn,
    long annualRevenueCents,
    boolean insolvent,
    boolean struckOff) {}
