package dev.avance.worker.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * The embedded mode's mail server: GreenMail's SMTP in the process, keeping what Avance sends in
 * memory so that a newcomer can read it ({@code GET /ops/mail}) without a real mailbox. On a free
 * port unless {@code avance.embedded.mail-port} fixes one; the mails go when the app stops.
 */
public final class MailSink {
  private final GreenMail server;

  private MailSink(GreenMail server) {
    this.server = server;
  }

  static MailSink start(int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    server.start();
    return new MailSink(server);
  }

  public int port() {
    return server.getSmtp().getPort();
  }

  /** Every message received since the start, oldest first. */
  public List<MimeMessage> messages() {
    return List.of(server.getReceivedMessages());
  }

  void close() {
    server.stop();
  }
}
