package dev.avance.bank;

/**
 * Which bank a file travels to or came from. LIVE is the real bank (money that exists); SANDBOX is
 * the bank simulator, reached only by sandbox keys. An entry of one channel never touches a payment
 * or an account of the other.
 */
public enum Channel {
  LIVE,
  SANDBOX
}
