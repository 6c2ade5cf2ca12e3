package dev.avance.banksim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock the test moves by hand. */
final class MutableClock extends Clock {
  private volatile Instant now;

  MutableClock(Instant now) {
    this.now = now;
  }

  /** At {@code dateTime} in the bank's zone, Europe/Paris. */
  static MutableClock at(String dateTime) {
    return new MutableClock(
        LocalDateTime.parse(dateTime).atZone(BankSimulator.BANK_ZONE).toInstant());
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  void set(String dateTime) {
    now = LocalDateTime.parse(dateTime).atZone(BankSimulator.BANK_ZONE).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return BankSimulator.BANK_ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
