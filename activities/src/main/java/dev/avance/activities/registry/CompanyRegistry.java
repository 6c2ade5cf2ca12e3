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
}
