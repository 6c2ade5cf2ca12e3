package dev.avance.activities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test sets and moves. {@link #withZone} returns a view on the same time, so that a
 * bean that zones the injected clock still follows the test.
 */
public final class MutableClock extends Clock {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public MutableClock(Instant start) {
    this(new AtomicReference<>(start), ZoneId.of("UTC"));
  }

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  /** Sets the clock to this day at this time in Europe/Paris (the bank's and the loans' zone). */
  public void setParis(LocalDate date, LocalTime time) {
    set(ZonedDateTime.of(date, time, PARIS).toInstant());
  }

  public void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
