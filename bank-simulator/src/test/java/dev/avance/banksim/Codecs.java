package dev.avance.banksim;

/** The codec the tests run with. */
final class Codecs {
  private Codecs() {}

  static final MessageCodec CODEC = new FakeCodec();
}
