package dev.avance.workflows.borrower;

/** Company registration number families. */
public enum IdentifierType {
  /** France: 9-digit SIREN. */
  SIREN,
  /** Spain: NIF / CIF. */
  NIF,
  /** Germany: commercial register number. */
  HRB,
  /** Germany: VAT id (DE + 9 digits). */
  VAT,
  /** Netherlands: 8-digit KvK number. */
  KVK,
  /** Belgium: 10-digit enterprise number (KBO/BCE). */
  KBO;

  /** The family used when a request names only the country. */
  public static IdentifierType defaultFor(Country country) {
    return switch (country) {
      case FRA -> SIREN;
      case ESP -> NIF;
      case DEU -> HRB;
      case NLD -> KVK;
      case BEL -> KBO;
    };
  }
}
