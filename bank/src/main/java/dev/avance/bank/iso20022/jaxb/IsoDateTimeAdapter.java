package dev.avance.bank.iso20022.jaxb;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * ISODateTime (xs:dateTime) as an Instant, written in UTC. Many banks send their local time without
 * an offset ({@code 2026-03-14T10:15:00}); Avance's banks are in the Paris time zone, so such a
 * time is read as Paris time rather than guessed as UTC.
 */
public final class IsoDateTimeAdapter extends XmlAdapter<String, Instant> {
  public static final ZoneId BANK_ZONE = ZoneId.of("Europe/Paris");

  @Override
  public Instant unmarshal(String value) {
    if (value == null) {
      return null;
    }
    TemporalAccessor parsed =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(
            value.strip(), OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime offset
        ? offset.toInstant()
        : ((LocalDateTime) parsed).atZone(BANK_ZONE).toInstant();
  }

  @Override
  public String marshal(Instant value) {
    return value == null ? null : value.toString();
  }
}
