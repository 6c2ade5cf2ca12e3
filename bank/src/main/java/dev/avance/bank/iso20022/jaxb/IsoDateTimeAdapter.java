package dev.avance.bank.iso20022.jaxb;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
    String text = value.strip();
    // xs:dateTime allows 24:00:00, the end of a day, which java.time reads as the next day's start.
    boolean endOfDay = text.contains("T24:00:00");
    if (endOfDay) {
      text = text.replace("T24:00:00", "T00:00:00");
    }
    TemporalAccessor parsed =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    ZonedDateTime time =
        parsed instanceof OffsetDateTime offset
            ? offset.toZonedDateTime()
            : ((LocalDateTime) parsed).atZone(BANK_ZONE);
    return (endOfDay ? time.plusDays(1) : time).toInstant();
  }

  @Override
  public String marshal(Instant value) {
    return value == null ? null : value.toString();
  }
}
