package dev.avance.workflows.borrower;

/** Supported countries, as ISO 3166-1 alpha-3 codes. */
public enum Country {
  FRA,
  ESP,
  DEU,
  NLD,
  BEL
}
