package dev.avance.banksim;

import dev.avance.bank.iso20022.MessageType;
import java.util.Arrays;
import java.util.Objects;

/**
 * A crash to play: right after the bank committed the acceptance of the {@code count}-th file of
 * {@code type} received since the simulator started, before {@code send} returns. Written {@code
 * pain.001:3} (or with the full code, {@code pain.001.001.10:3}).
 */
public record FaultPoint(MessageType type, int count) {
  public FaultPoint {
    Objects.requireNonNull(type, "type");
    if (count < 1) {
      throw new IllegalArgumentException("a fault point counts from 1: " + count);
    }
  }

  /** The fault point of a setting, or null when the setting is blank. */
  public static FaultPoint parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return null;
    }
    String[] parts = setting.trim().split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "kill-after-accept is <message type>:<count>, e.g. pain.001:3, not " + setting);
    }
    String code = parts[0].trim();
    MessageType type =
        Arrays.stream(MessageType.values())
            .filter(t -> t.code().equals(code) || t.code().startsWith(code + "."))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("kill-after-accept: unknown message " + code));
    int count;
    try {
      count = Integer.parseInt(parts[1].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("kill-after-accept: the count is a number: " + setting);
    }
    return new FaultPoint(type, count);
  }

  @Override
  public String toString() {
    return type.code() + ":" + count;
  }
}
