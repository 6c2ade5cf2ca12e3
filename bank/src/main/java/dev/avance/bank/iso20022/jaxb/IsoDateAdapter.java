package dev.avance.bank.iso20022.jaxb;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * ISODate (xs:date) as a LocalDate. A bank may append a zone to a date ({@code 2026-03-14+01:00});
 * a booking date is a calendar day at the bank, so the zone is dropped.
 */
public final class IsoDateAdapter extends XmlAdapter<String, LocalDate> {
  @Override
  public LocalDate unmarshal(String value) {
    return value == null ? null : LocalDate.parse(value.strip(), DateTimeFormatter.ISO_DATE);
  }

  @Override
  public String marshal(LocalDate value) {
    return value == null ? null : value.toString();
  }
}
