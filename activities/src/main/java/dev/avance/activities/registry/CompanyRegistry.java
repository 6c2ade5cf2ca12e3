package dev.avance.activities.registry;

import dev.avance.workflows.borrower.CompanyProfile;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.borrower.IdentifierType;

/** The national company registers, as one look-up. */
public interface CompanyRegistry {
  /**
   * What the register of {@code country} says of {@code identifier}, a valid normalized identifier
   * of {@code type}; a profile with {@code found == false} when it does not know it.
   */
  CompanyProfile lookUp(Country country, IdentifierType type, String identifier);

  /**
   * The same, as the borrowers of the platform row {@code platformId} see it: a sandbox may have
   * set what the register says of a number for its own borrowers. The real registers say the same
   * to everyone.
   */
  default CompanyProfile lookUp(
      String platformId, Country country, IdentifierType type, String identifier) {
    return lookUp(country, type, identifier);
  }
}
