package dev.avance.activities.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Documents' settings (README, Documents).
 *
 * @param lenderName the lender as contracts name it
 * @param mailFrom the sender of the mails that carry documents
 */
@ConfigurationProperties("avance.documents")
public record DocumentProperties(
    @DefaultValue("Avance SAS") String lenderName,
    @DefaultValue("documents@avance.localhost") String mailFrom) {}
