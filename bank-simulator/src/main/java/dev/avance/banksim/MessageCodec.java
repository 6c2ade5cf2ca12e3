package dev.avance.banksim;

import dev.avance.bank.iso20022.BankMessage;
import dev.avance.bank.iso20022.Iso20022;

/** How messages become bytes and back: ISO 20022 XML, validated both ways. */
interface MessageCodec {
  BankMessage read(byte[] xml);

  byte[] write(BankMessage message);

  MessageCodec ISO20022 =
      new MessageCodec() {
        @Override
        public BankMessage read(byte[] xml) {
          return Iso20022.read(xml);
        }

        @Override
        public byte[] write(BankMessage message) {
          return Iso20022.write(message);
        }
      };
}
