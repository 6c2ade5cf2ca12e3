package dev.avance.activities.document;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a document as an attachment over SMTP with Spring's mail support. Without {@code
 * spring.mail.host} there is no sender, and documents are kept without being mailed.
 */
@Component
public class DocumentMailer {
  private final ObjectProvider<JavaMailSender> sender;
  private final DocumentProperties properties;

  public DocumentMailer(ObjectProvider<JavaMailSender> sender, DocumentProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  public boolean enabled() {
    return sender.getIfAvailable() != null;
  }

  public void send(
      String to, String subject, String text, String fileName, byte[] content, String contentType) {
    JavaMailSender mail = sender.getObject();
    MimeMessage message = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.mailFrom());
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(text);
      helper.addAttachment(fileName, new ByteArrayResource(content), contentType);
    } catch (MessagingException e) {
      throw new MailSendException("could not build the message", e);
    }
    mail.send(message);
  }
}
