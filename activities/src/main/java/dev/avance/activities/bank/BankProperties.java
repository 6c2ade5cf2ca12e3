package dev.avance.activities.bank;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Avance's own bank account and the connection to its bank (README, The bank).
 *
 * @param name the account holder's name on every outgoing payment
 * @param iban the account that pays out and collects
 * @param bic the account's BIC, also shown with the borrowers' virtual IBANs
 * @param creditorSchemeId the SEPA creditor identifier of Avance's direct debits
 * @param dropFolder the live bank's file exchange: Avance writes its files to {@code out/} and
 *     reads the bank's from {@code in/} (the bank's file transfer syncs both); empty: {@code
 *     <avance.home>/bank}
 * @param relayInterval how often the relay sends pending files, does the workflows' follow-ups of
 *     received entries and reads the drop folder
 * @param relayEnabled off on nodes that must not talk to the bank
 * @param awaitPoll how long one attempt of awaiting a payment's outcome watches its row before it
 *     fails and Temporal retries it later (an SCT Inst answers within seconds)
 */
@ConfigurationProperties("avance.bank")
public record BankProperties(
    @DefaultValue("Avance SAS") String name,
    @DefaultValue("FR7630006000010001234567846") String iban,
    @DefaultValue("AVNCFRPPXXX") String bic,
    @DefaultValue("FR72ZZZ123456") String creditorSchemeId,
    Path dropFolder,
    @DefaultValue("1s") Duration relayInterval,
    @DefaultValue("true") boolean relayEnabled,
    @DefaultValue("5s") Duration awaitPoll) {}
